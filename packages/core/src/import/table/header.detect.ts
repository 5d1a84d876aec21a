/**
 * Finding a table's header row by its texts, and recognising the same header when it is
 * repeated at a page break (possibly with text of the cut row glued to one of its cells).
 */
import type { Row } from "../blocks.js";
import { boundedDistance } from "../../directory/org-fuzzy.js";
import { headerKey, roleOf, type ColumnRole } from "./column-roles.js";

export type Column = { index: number; header: string; role: ColumnRole };

export type TableHeader = {
  columns: Column[];
  keys: string[];
  line: number;
  /** Keys of each physical header row, when the header spans two rows (merged cells). */
  rowKeys: string[][];
};

const SINGLE_ROLES: ColumnRole[] = [
  "number",
  "refNumber",
  "name",
  "basis",
  "leader",
  "lead",
  "coordinators",
  "output",
  "deadline",
  "unit",
  "frequency",
];

/** The row is a header when it names the task/indicator column and at least one other known role. */
export function detectHeader(row: Row, physical: Row[] = [row]): TableHeader | null {
  const texts = row.cells.map((c) => c.text.replace(/\s*\n\s*/g, " ").trim());
  const filled = texts.filter((t) => t !== "");
  if (filled.length < 2 || filled.some((t) => t.length > 90)) return null;
  const roles = texts.map((t) => roleOf(t));
  // `Tiến độ` is the deadline when no other column is (elsewhere it is a progress note).
  const progress = texts.findIndex((t) => /^tien do\b/.test(headerKey(t)));
  if (progress >= 0 && !roles.includes("deadline")) roles[progress] = "deadline";
  const known = roles.filter((r) => r !== null && r !== "extra");
  if (!roles.includes("name") || known.length < 2 || known.length < filled.length * 0.5)
    return null;
  const seen = new Set<ColumnRole>();
  const columns: Column[] = [];
  texts.forEach((header, index) => {
    let role = roles[index] ?? null;
    if (header === "") {
      // An unlabelled first column in front of the name column holds the numbers.
      if (index === 0 && !roles.includes("number")) role = "number";
      else return;
    }
    if (role === null) role = "extra";
    if (SINGLE_ROLES.includes(role) && seen.has(role)) role = "extra";
    seen.add(role);
    columns.push({ index, header, role });
  });
  const keysOf = (r: Row) => r.cells.map((c) => headerKey(c.text.replace(/\s*\n\s*/g, " ")));
  return { columns, keys: texts.map(headerKey), line: row.line, rowKeys: physical.map(keysOf) };
}

/** Two headers describe the same table when their columns have the same roles in the same places. */
export function sameTable(a: TableHeader, b: TableHeader): boolean {
  const sig = (h: TableHeader) => h.columns.map((c) => `${c.index}:${c.role}`).join(",");
  return sig(a) === sig(b);
}

export type RepeatedHeader = {
  /** Text glued after a header cell's own text, by column index: it continues the row above. */
  glued: Map<number, string>;
};

/** Is this row the table's header again (page break)? Tolerates OCR damage and glued text. */
export function matchRepeatedHeader(row: Row, header: TableHeader): RepeatedHeader | null {
  for (const keys of [header.keys, ...(header.rowKeys.length > 1 ? header.rowKeys : [])]) {
    const found = matchKeys(row, keys, header);
    if (found) return found;
  }
  return null;
}

function matchKeys(row: Row, keys: string[], header: TableHeader): RepeatedHeader | null {
  const glued = new Map<number, string>();
  let expected = 0;
  let matched = 0;
  for (let i = 0; i < Math.max(row.cells.length, keys.length); i++) {
    const want = keys[i] ?? "";
    const raw = row.cells[i]?.text ?? "";
    // A cell much longer than its header (plus what a cut row could glue to it) is data.
    if (raw.length > want.length * 2 + 120) return null;
    const text = raw.replace(/\s*\n\s*/g, " ").trim();
    const key = headerKey(text);
    if (want === "") {
      if (key !== "") return null;
      continue;
    }
    expected++;
    // a letter or two misread by OCR (`Đơn vị phối hựp`, `Cơquan chủ trì`)
    const misread = Math.max(1, Math.floor(want.length / 10));
    if (key === want || boundedDistance(key, want, misread) <= misread) matched++;
    else if (key.startsWith(`${want} `)) {
      matched++;
      const words = want.split(" ").length;
      glued.set(i, text.split(/\s+/).slice(words).join(" "));
    } else if (key !== "" && roleOf(text) !== header.columns.find((c) => c.index === i)?.role) {
      return null;
    } else if (key !== "") matched++;
  }
  return expected >= 2 && matched >= Math.max(2, expected * 0.7) ? { glued } : null;
}

/** `(1) (2) (3) …` or `1 2 3 …` under the header: column numbers, not data. */
export function isColumnNumberRow(row: Row): boolean {
  const filled = row.cells.map((c) => c.text.trim()).filter((t) => t !== "");
  if (filled.length < 3) return false;
  const nums = filled.map((t) => /^\(?(\d{1,2})\)?$/.exec(t)?.[1]);
  return nums.every((n, i) => n !== undefined && Number(n) === Number(nums[0]) + i);
}
