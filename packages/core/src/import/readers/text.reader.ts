/**
 * Converted text (PDF/Word → text or Markdown) → blocks. Tables come as tab-separated lines or
 * Markdown pipe tables; everything else is a paragraph per line; a line that starts with a
 * footnote marker (`<sup>3</sup> Nhiệm vụ được giao tại …`, `[^3]: …`) is a footnote body.
 */
import type { Block, Row } from "../blocks.js";
import { parseCellMarkup } from "./html-cell.js";
import { isAlignmentRow, isPipeRow, splitPipeRow } from "./pipe-row.js";

const FOOTNOTE_LINE =
  /^\s*(?:<sup\b[^>]*>\s*([\w*†‡]{1,4})\s*<\/sup>|\[\^([\w*]{1,6})\]:)\s*(.*)$/i;

function tableCells(line: string): string[] | null {
  if (line.includes("\t")) return line.split("\t");
  if (isPipeRow(line)) return splitPipeRow(line);
  return null;
}

/** Markdown block syntax at the start of a paragraph line: headings, quotes, escaped bullets. */
function stripLineSyntax(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\s+#{1,6}\s*$/, "")
    .replace(/^\s{0,3}>\s?/, "");
}

export function readTextBlocks(text: string): Block[] {
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let table: Row[] | null = null;
  const endTable = () => {
    if (table && table.length > 0) blocks.push({ type: "table", rows: table });
    table = null;
  };

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === "") {
      endTable();
      return;
    }
    const raw = tableCells(line);
    if (raw) {
      if (isPipeRow(line) && !line.includes("\t") && isAlignmentRow(line)) return;
      const cells = raw.map(parseCellMarkup);
      if (cells.every((c) => c.text === "" && c.footnotes.length === 0) && !table) return;
      (table ??= []).push({ cells, line: lineNo });
      return;
    }
    endTable();
    const note = FOOTNOTE_LINE.exec(line);
    if (note) {
      const body = parseCellMarkup(note[3] ?? "");
      blocks.push({
        type: "footnote",
        marker: note[1] ?? note[2] ?? "",
        text: body.text,
        line: lineNo,
      });
      return;
    }
    const cell = parseCellMarkup(stripLineSyntax(line));
    if (cell.text === "") return;
    blocks.push({ type: "paragraph", text: cell.text, bold: cell.bold, line: lineNo });
  });
  endTable();
  return blocks;
}
