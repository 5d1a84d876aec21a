/**
 * A heading written between two tables of one appendix — a lettered part (`A. NHIỆM VỤ CHUNG`,
 * `B. …`), a Roman-numbered one (`II. NHIỆM VỤ TRỌNG TÂM`) or a one-line caption (`Giai đoạn 2`,
 * a one-cell row of a sheet set apart by empty rows) — heads the tasks of the table below it.
 * It becomes a group row at the head of that table's rows, so that each part's `I`, `II` and task
 * numbers are told apart (paths `A/I/1`, `B/I/1`, `Giai đoạn 2/1`) instead of being read as one
 * table with duplicate numbers, or the caption as a milestone of the task above it. A title line
 * of the same shape above the first table (`A. …`, `I. …`, `Giai đoạn 1`) heads the first table.
 */
import type { Cell, Row } from "../blocks.js";
import { fold } from "../../text/fold.js";
import type { TableHeader } from "./header.detect.js";

const LETTERED = /^([A-HJ-KM-UWYZ])\s*[.)]\s+(\S.{2,200})$/u;
const ROMAN = /^([IVX]{1,6})\s*[.)]\s+(\S.{2,200})$/u;
const VALID_ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

/** `shape`: what siblings share (`letter`, `roman`, `giai doan #`); null when nothing marks it. */
export type PartHeading = { number: string; title: string; line: number; shape: string | null };

/** A lettered part heading (`B. NHIỆM VỤ CỤ THỂ`). */
export function partHeading(text: string, line: number): PartHeading | null {
  const m = LETTERED.exec(text.trim());
  return m ? { number: m[1]!, title: m[2]!.trim(), line, shape: "letter" } : null;
}

/** A one-line caption: short, starting with a capital or a figure, not a sentence or a page mark. */
function plainCaption(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 120 || t.split(/\s+/).length > 16) return false;
  if (!/^[\p{Lu}\d]/u.test(t) || (t.match(/\p{L}/gu)?.length ?? 0) < 3) return false;
  if (/[.;,]$/.test(t)) return false;
  return !/^(?:trang|page|ghi chu|luu y|nguon)\b|\btiep theo\b/.test(fold(t));
}

/** What captions of one series share: their words before the number (`Giai đoạn 1` → `giai doan #`). */
function captionShape(text: string): string | null {
  const m = /^(\p{L}+(?:\s+\p{L}+){0,3})\s+(\d{1,3}|[ivx]{1,5})\b/u.exec(fold(text.trim()));
  return m ? `${m[1]} #` : null;
}

/** A heading between tables: lettered, Roman-numbered, or (if `plain`) a one-line caption. */
export function captionHeading(text: string, line: number, plain: boolean): PartHeading | null {
  const lettered = partHeading(text, line);
  if (lettered) return lettered;
  const roman = ROMAN.exec(text.trim());
  if (roman && VALID_ROMAN.test(roman[1]!))
    return { number: roman[1]!, title: roman[2]!.trim(), line, shape: "roman" };
  if (!plain || !plainCaption(text)) return null;
  return { number: "", title: text.trim(), line, shape: captionShape(text) };
}

/** Headings of one series: both lettered, both Roman, or the same words before their numbers. */
export function sameSeries(a: PartHeading, b: PartHeading): boolean {
  return a.shape !== null && a.shape === b.shape && a.number + a.title !== b.number + b.title;
}

/** The heading as a bold row of the table: its number in the number column, its title as name. */
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
  if (number === undefined || part.number === "")
    cells[name]!.text = part.number === "" ? part.title : `${part.number}. ${part.title}`;
  else {
    cells[number]!.text = part.number;
    cells[name]!.text = part.title;
  }
  return { cells, line: part.line };
}
