/**
 * Test support: the seed documents (../shared/seeds from the repository root) and the cells of
 * one column of their tab-separated tables, continuation rows (empty number cell) joined with
 * "\n" and tags stripped — enough to feed real cells to the value normalisers' tests.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../../../../../", import.meta.url);

export function seedText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../shared/seeds/${name}`, root)), "utf8");
}

const strip = (s: string) =>
  s
    .replace(/<[^>]*>/g, " ")
    .replace(/[ \u00a0]+/g, " ")
    .trim();

/** Cells of every table column whose header matches `header`, in document order. */
export function seedColumn(name: string, header: RegExp): string[] {
  const cells: string[] = [];
  let col = -1;
  let headerCells: string[] = [];
  for (const line of seedText(name).split(/\r?\n/)) {
    if (!line.includes("\t")) continue;
    const row = line.split("\t").map(strip);
    if (row.some((c) => /^(S?TT)$/.test(c))) {
      col = row.findIndex((c) => header.test(c));
      headerCells = row;
      continue;
    }
    if (col < 0 || row.join("\t") === headerCells.join("\t")) continue;
    const cell = row[col] ?? "";
    if (row[0] === "" && cells.length > 0) {
      if (cell !== "") cells[cells.length - 1] = `${cells[cells.length - 1]}\n${cell}`.trim();
    } else {
      cells.push(cell);
    }
  }
  return cells;
}
