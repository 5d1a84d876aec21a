/** Number gaps, duplicates and disorder among the numbered rows of one table. */
import type { ImportContext } from "../import-context.js";

export type Numbered = { number: string | null; groupPath: string[]; line: number };

function split(number: string): { prefix: string; last: number } | null {
  const m = /^(?:(.*)\.)?(\d{1,4})(?:\s*\(.*\))?$/.exec(number);
  return m ? { prefix: m[1] ?? "", last: Number(m[2]) } : null;
}

/**
 * `groups`: the numbers of the table's numbered sub-headings (`5.1 Thương mại`), which fill the
 * place of a missing item number.
 */
export function checkNumbering(
  items: Numbered[],
  ctx: ImportContext,
  what: string,
  groups: ReadonlySet<string> = new Set(),
): void {
  const numbered = items.filter((i): i is Numbered & { number: string } => i.number !== null);
  const ints = numbered.map((i) => split(i.number));
  // Rows without a number that sit before each numbered row: they may fill a gap.
  const unnumberedBefore: number[] = [];
  let pending = 0;
  for (const i of items) {
    if (i.number === null) pending++;
    else {
      unnumberedBefore.push(pending);
      pending = 0;
    }
  }
  const restarts = ints.some((p, k) => k > 0 && p?.prefix === "" && p.last === 1);
  const seen = new Set<string>();
  let prev: { prefix: string; last: number } | null = null;
  numbered.forEach((item, k) => {
    const key = restarts ? `${item.groupPath.join("/")}#${item.number}` : item.number;
    const dup = seen.has(key);
    seen.add(key);
    const cur = ints[k] ?? null;
    if (dup) {
      ctx.warn("number_duplicate", item.line, `${what} số ${item.number} bị trùng số thứ tự.`);
    } else if (cur && prev && cur.prefix === prev.prefix) {
      if (cur.last > prev.last + 1 + (unnumberedBefore[k] ?? 0)) {
        const missing =
          cur.last === prev.last + 2 ? `${prev.last + 1}` : `${prev.last + 1}–${cur.last - 1}`;
        ctx.warn(
          "number_gap",
          item.line,
          `${what} số ${item.number}: thiếu số thứ tự ${cur.prefix ? `${cur.prefix}.` : ""}${missing}.`,
        );
      } else if (cur.last <= prev.last && !(restarts && cur.last === 1)) {
        ctx.warn(
          "number_order",
          item.line,
          `${what} số ${item.number} đứng sau số ${prev.prefix ? `${prev.prefix}.` : ""}${prev.last}.`,
        );
      }
    } else if (
      cur &&
      prev &&
      cur.prefix !== prev.prefix &&
      cur.prefix !== "" &&
      cur.last > 1 + (unnumberedBefore[k] ?? 0)
    ) {
      const missing =
        cur.last === 2 ? `${cur.prefix}.1` : `${cur.prefix}.1–${cur.prefix}.${cur.last - 1}`;
      const filled = Array.from({ length: cur.last - 1 }, (_, j) => `${cur.prefix}.${j + 1}`);
      if (!filled.every((n) => groups.has(n)))
        ctx.warn("number_gap", item.line, `${what} số ${item.number}: thiếu số thứ tự ${missing}.`);
    }
    if (cur) prev = cur;
  });
}
