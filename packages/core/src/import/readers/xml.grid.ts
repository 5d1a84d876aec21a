/**
 * Vertically merged cells of Word and Excel tables. A merged cell holds its text in the top
 * cell; the cells under it are "continuations". What the table model needs depends on the row:
 *
 * - a row that has its own number (a task under a lead or deadline cell shared with the tasks
 *   above) gets the top cell's text, because the shared value applies to it too;
 * - a row without a number of its own (its number cell merged with the row above: a milestone,
 *   a period row or a row cut by a page break) gets an empty cell, because the merged value
 *   already belongs to the row above and must not be read twice.
 */
import type { Cell } from "../blocks.js";

export type GridCell = { cell: Cell; merge: "none" | "start" | "continue" };

export function emptyCell(): Cell {
  return { text: "", bold: false, italic: false, footnotes: [] };
}

/** `1`, `1.`, `2.3`, `IV`, `II.`, `a)`, `34 (bs)`. */
const ROW_NUMBER = /^(?:\d{1,3}(?:\.\d{1,3})*\.?(?:\s*\(bs\))?|[IVXL]{1,6}\.?|[a-zđ]\))$/i;

function hasOwnNumber(row: GridCell[]): boolean {
  return row.slice(0, 3).some((g) => g.merge !== "continue" && ROW_NUMBER.test(g.cell.text.trim()));
}

/**
 * Resolves continuation cells as described above; returns plain cell rows. One pass that keeps
 * each column's last top cell, so a column of merged cells costs its length, not its square.
 */
export function resolveVerticalMerges(rows: GridCell[][]): Cell[][] {
  const tops: (GridCell | undefined)[] = [];
  return rows.map((row) => {
    const own = hasOwnNumber(row);
    const cells = row.map((g, c) => {
      if (g.merge !== "continue") return g.cell;
      const top = own ? tops[c] : undefined;
      if (!top) return emptyCell();
      return { text: top.cell.text, bold: top.cell.bold, italic: top.cell.italic, footnotes: [] };
    });
    row.forEach((g, c) => {
      if (g.merge !== "continue") tops[c] = g;
    });
    return cells;
  });
}
