/**
 * Pass 2 over a table run: logical rows → entries. A row is a group (`I`, `A.`, `I.1`, bold
 * `1` with a bold title, a plain title with nothing else), an item (a task or an indicator:
 * `1.`, `2.3`, `34 (bs)`, or a clearly-a-task row without a number) or a sub-row of the item
 * above (a milestone, a period, a monitoring activity).
 */
import type { Role } from "../contract.js";
import { fold } from "../../text/fold.js";
import type { Column } from "./header.detect.js";
import { viewOf, type LogicalRow } from "./rows.merge.js";
import { isUpperText, readNumber, type RowNumber } from "./row.classify.js";

export type GroupEntry = {
  type: "group";
  number: string;
  title: string;
  rank: number;
  role: Role | null;
  line: number;
};
export type ItemEntry = {
  type: "item";
  number: string | null;
  row: LogicalRow;
  numberless: boolean;
};
export type SubEntry = { type: "sub"; row: LogicalRow };
export type Entry = GroupEntry | ItemEntry | SubEntry;

/** `… được giao chủ trì` → lead; `… được giao phối hợp` → support. */
export function roleOfTitle(title: string): Role | null {
  const f = fold(title);
  if (f.length > 160) return null;
  const lead = /\bchu tri\b/.test(f);
  const support = /\bphoi hop\b/.test(f);
  if (lead === support) return null;
  return lead ? "lead" : "support";
}

function rankOf(n: RowNumber, partContext: boolean): { rank: number; kind: RowNumber["kind"] } {
  if (n.kind === "roman" && partContext && /^[CD]$/.test(n.value)) return { rank: 0, kind: "part" };
  switch (n.kind) {
    case "part":
      return { rank: 0, kind: n.kind };
    case "roman":
      return { rank: 1, kind: n.kind };
    case "roman-sub":
      return { rank: n.depth, kind: n.kind };
    default:
      return { rank: 10 + n.depth, kind: n.kind };
  }
}

const UNNUMBERED_RANK = 20;
/** A heading written between two tables heads every group of the tables below it. */
const BETWEEN_TABLES_RANK = 0;

export function classifyRows(rows: LogicalRow[], columns: Column[]): Entry[] {
  const num = columns.find((c) => c.role === "number")?.index ?? -1;
  const nameIdx = columns.find((c) => c.role === "name")?.index ?? -1;
  const numbers = rows.map((r) => readNumber(num >= 0 ? (r.cells[num] ?? "") : ""));
  const isItemNumber = (n: RowNumber) => n.kind === "digits" || n.kind === "other";
  const hasNumbered = numbers.some(isItemNumber);
  const entries: Entry[] = [];
  let partContext = false;
  let openItem = false;

  let lastItem: string | null = null;
  /** For each row, the number of the first numbered row after it. */
  const following: (RowNumber | undefined)[] = [];
  for (let i = rows.length - 1, next: RowNumber | undefined; i >= 0; i--) {
    following[i] = next;
    if (numbers[i]!.kind !== "none") next = numbers[i];
  }
  /** The items after row i number again from below the last one (`1` after `2`): a new list. */
  const numberingRestarts = (i: number): boolean => {
    const next = following[i];
    if (lastItem === null || next === undefined || !isItemNumber(next)) return false;
    return compareNumbers(next.value, lastItem) <= 0;
  };

  const nextNumberedIsChild = (i: number, value: string): boolean => {
    for (let j = i + 1; j < rows.length; j++) {
      const n = numbers[j]!;
      if (n.kind === "none") continue;
      return n.value.startsWith(`${value}.`);
    }
    return false;
  };

  rows.forEach((row, i) => {
    const n = numbers[i]!;
    const view = viewOf(row, columns);
    const name = view.name;
    const groupLike = view.dataCells === 0 && name !== "";
    const group = (number: string, rank: number, title = name) => {
      entries.push({
        type: "group",
        number,
        title,
        rank,
        role: roleOfTitle(title),
        line: row.line,
      });
      openItem = false;
      lastItem = null;
    };

    if (row.heading) {
      group("", BETWEEN_TABLES_RANK);
      return;
    }
    if (n.kind === "roman" || n.kind === "part" || n.kind === "roman-sub") {
      const { rank, kind } = rankOf(n, partContext);
      if (kind === "part") partContext = true;
      group(n.value, rank);
      return;
    }
    if (
      n.kind === "digits" &&
      groupLike &&
      (row.numberBold || row.nameBold || isUpperText(name) || nextNumberedIsChild(i, n.value))
    ) {
      group(n.value, rankOf(n, partContext).rank);
      return;
    }
    if (isItemNumber(n)) {
      entries.push({ type: "item", number: n.value, row, numberless: false });
      openItem = true;
      lastItem = n.value;
      return;
    }
    if (n.kind === "letter" && openItem) {
      entries.push({ type: "sub", row });
      return;
    }
    // No number (or a lettered row with no item above it).
    const filled = row.cells.map((t, idx) => ({ t, idx })).filter((c) => c.t !== "");
    if (filled.length === 0) return;
    if (
      groupLike &&
      (row.nameBold || isUpperText(name) || (roleOfTitle(name) !== null && name.length < 100))
    ) {
      group("", UNNUMBERED_RANK);
      return;
    }
    if (
      filled.length === 1 &&
      filled[0]!.idx !== nameIdx &&
      (isUpperText(filled[0]!.t) || row.nameBold)
    ) {
      group("", UNNUMBERED_RANK, filled[0]!.t);
      return;
    }
    if (groupLike && numberingRestarts(i)) {
      group("", UNNUMBERED_RANK);
      return;
    }
    if (openItem && hasNumbered) {
      entries.push({ type: "sub", row });
      return;
    }
    if (name === "") return;
    entries.push({
      type: "item",
      number: n.kind === "letter" ? n.value : null,
      row,
      numberless: hasNumbered && n.kind !== "letter",
    });
    openItem = true;
  });
  return entries;
}

/** `2.10` against `2.9` by their figures: negative, zero or positive. */
function compareNumbers(a: string, b: string): number {
  const figures = (v: string) =>
    (/^[\d.]+/.exec(v)?.[0] ?? "").split(".").filter(Boolean).map(Number);
  const [x, y] = [figures(a), figures(b)];
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const d = (x[k] ?? -1) - (y[k] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
