/**
 * Two-row headers (merged cells in Word and Excel): `Thời gian thực hiện` over `Bắt đầu` /
 * `Hoàn thành`, `Đơn vị thực hiện` over `Chủ trì` / `Phối hợp`. The second row is folded into
 * one header text per column, so that roles are still read from text.
 */
import type { Row } from "../blocks.js";
import { fold } from "../../text/fold.js";
import { roleOf } from "./column-roles.js";

const START = /^(?:bat dau|tu ngay|tu)\b/;
const END = /^(?:ket thuc|hoan thanh|den ngay|den)\b/;
const SUB_WORD =
  /^(?:bat dau|tu|ket thuc|hoan thanh|den|nam \d{4}|quy [ivx]+|thang \d{1,2}|giai doan|ke hoach|thuc hien|so luong|tong so|\d{4})\b/;

const texts = (row: Row) => row.cells.map((c) => c.text.replace(/\s*\n\s*/g, " ").trim());

/** The merged header texts when `sub` is a second header row under `top`; null otherwise. */
export function mergeHeaderRows(top: Row, sub: Row): string[] | null {
  const upper = texts(top);
  const lower = texts(sub);
  const filled = lower.map((t, i) => ({ t, i })).filter((c) => c.t !== "");
  if (filled.length < 2 || filled.some((c) => c.t.length > 40)) return null;
  const isSub = (t: string) => SUB_WORD.test(fold(t)) || (roleOf(t) ?? "extra") !== "extra";
  if (!filled.every((c) => isSub(c.t))) return null;
  // The sub row must sit under a spanning cell: at least one of its cells has an empty cell above.
  const spanned = (i: number) =>
    (upper[i] ?? "") === "" || upper[i] === upper[i - 1] || upper[i] === upper[i + 1];
  if (!filled.some((c) => spanned(c.i))) return null;

  const width = Math.max(upper.length, lower.length);
  const merged: string[] = [];
  let parent = "";
  for (let i = 0; i < width; i++) {
    const above = upper[i] ?? "";
    const own = lower[i] ?? "";
    if (above !== "") parent = above;
    const repeated = above !== "" && (above === upper[i - 1] || above === upper[i + 1]);
    if (own === "") {
      merged.push(repeated && i > 0 && above === upper[i - 1] ? "" : above);
      continue;
    }
    const f = fold(own);
    const role = roleOf(own);
    if (START.test(f)) merged.push(`${own} (${parent})`);
    else if (END.test(f)) merged.push(`${parent} - ${own}`);
    else if (role !== null && role !== "extra") merged.push(own);
    else merged.push(parent ? `${parent} - ${own}` : own);
  }
  return merged;
}

/** A synthetic header row with the merged texts (at the top row's line). */
export function mergedRow(top: Row, merged: string[]): Row {
  return {
    line: top.line,
    cells: merged.map((text) => ({ text, bold: false, italic: false, footnotes: [] })),
  };
}

/** A fragment of a wrapped header cell: a few words, not a row number, column number or date. */
const FRAGMENT = (t: string) =>
  t.length <= 60 && !/^\(?(?:\d{1,3}(?:\.\d+)*|[IVXLC]+)\.?\)?$/.test(t) && !/\d\//.test(t);

const knownRoles = (cells: string[]) =>
  cells.filter((t) => {
    const role = roleOf(t);
    return role !== null && role !== "extra";
  }).length;

/**
 * A header whose words wrap over two or three rows (`Tên nhiệm` / `vụ`, `Cơ quan chủ` / `trì`),
 * as PDF extraction gives them: the rows' cells joined word after word. Returns the joined texts
 * and how many rows they took when each joined row recognises more columns (or as many, its
 * fragments all lower-case words under header words: `Thời hạn` / `hoàn thành`); null otherwise.
 */
export function joinWrappedRows(rows: Row[]): { texts: string[]; used: number } | null {
  const first = rows[0];
  if (!first) return null;
  let joined = texts(first);
  let best: { texts: string[]; used: number } | null = null;
  let bestScore = knownRoles(joined);
  for (let used = 2; used <= Math.min(3, rows.length); used++) {
    const next = texts(rows[used - 1]!);
    const filled = next.map((t, i) => ({ t, i })).filter((c) => c.t !== "");
    if (filled.length === 0 || !filled.every((c) => FRAGMENT(c.t))) break;
    if (!filled.every((c) => (joined[c.i] ?? "") !== "")) break;
    const width = Math.max(joined.length, next.length);
    joined = Array.from({ length: width }, (_, i) =>
      [joined[i] ?? "", next[i] ?? ""].filter((t) => t !== "").join(" "),
    );
    const score = knownRoles(joined);
    const continues = filled.length >= 2 && filled.every((c) => /^\p{Ll}/u.test(c.t));
    if (score < bestScore || (score === bestScore && !continues)) break;
    best = { texts: joined, used };
    bestScore = score;
  }
  return best;
}
