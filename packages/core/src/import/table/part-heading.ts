/**
 * An appendix made of several tables under lettered parts (`A. NHIỆM VỤ CHUNG`, `B. …`), each
 * table with the same header and its own Roman numbering: the part's heading, a paragraph
 * between the tables, becomes a group row at the head of its table's rows, so that each part's
 * `I`, `II` and task numbers are told apart (paths `A/I/1`, `B/I/1`) instead of read as one
 * table with duplicate numbers.
 */
import type { Cell, Row } from "../blocks.js";
import type { TableHeader } from "./header.detect.js";

const PART = /^([A-HJ-KM-UWYZ])\s*[.)]\s+(\S.{2,200})$/u;

export type PartHeading = { letter: string; title: string; line: number };

export function partHeading(text: string, line: number): PartHeading | null {
  const m = PART.exec(text.trim());
  return m ? { letter: m[1]!, title: m[2]!.trim(), line } : null;
}

/** The heading as a bold row of the table: its letter in the number column, its title as name. */
export function partRow(part: PartHeading, header: TableHeader): Row {
  const width = Math.max(...header.columns.map((c) => c.index)) + 1;
  const number = header.columns.find((c) => c.role === "number")?.index;
  const name = header.columns.find((c) => c.role === "name")?.index ?? 0;
  const cells: Cell[] = Array.from({ length: width }, () => ({
    text: "",
    bold: true,
    italic: false,
    footnotes: [],
  }));
  if (number === undefined) cells[name]!.text = `${part.letter}. ${part.title}`;
  else {
    cells[number]!.text = part.letter;
    cells[name]!.text = part.title;
  }
  return { cells, line: part.line };
}
