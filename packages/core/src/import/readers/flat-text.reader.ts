/**
 * Text copied or converted from a legal-document website, where each table cell arrives on its
 * own line(s): cells separated by lines holding only `|` (rows then separated by an empty line)
 * or by empty lines alone (rows then found by their numbering: row-sequence.ts). The header is
 * a run of cells whose texts name columns (`STT`, `Tên nhiệm vụ`, `Cơ quan chủ trì`…); each row's
 * cells are placed in its columns (flat-cells.align.ts); the table ends at an appendix heading,
 * the signature block or cells that start no row. Everything else is a paragraph per line, and
 * the site's banner and menus before the document are dropped (site-chrome.ts). Returns null
 * when no such table is found, so that the text is read as ordinary converted text.
 */
import type { Block, Cell, Row } from "../blocks.js";
import { appendixHeading } from "../sections.split.js";
import { roleOf, type ColumnRole } from "../table/column-roles.js";
import { detectHeader, type TableHeader } from "../table/header.detect.js";
import { readNumber } from "../table/row.classify.js";
import { alignCells, isOrgName } from "./flat-cells.align.js";
import { parseCellMarkup } from "./html-cell.js";
import { RowSequence } from "./row-sequence.js";
import { dropSiteChrome } from "./site-chrome.js";

/** A run of lines between separators; `rowEnd`: an empty line follows it (in `|` mode). */
type Segment = { text: string; line: number; rowEnd: boolean };

const MAX_HEADER = 16;
const SIGNATURE = /^(?:nơi nhận|kt\.|tm\.|q\.|ký bởi|người ký|\(đã ký\))/iu;

/**
 * Lines → cells. In `|` mode every `|` line ends a cell (empty when nothing stands before it),
 * and an empty line ends a row unless it stands between two `|` lines (an empty cell's line).
 * Otherwise every run of lines between empty lines is a cell.
 */
function segments(lines: string[], pipes: boolean): Segment[] {
  const out: Segment[] = [];
  let run: string[] = [];
  let start = 1;
  let afterPipe = false;
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (pipes && t === "|") {
      out.push({ text: run.join("\n"), line: run.length > 0 ? start : i + 1, rowEnd: false });
      run = [];
      afterPipe = true;
    } else if (t === "") {
      if (pipes && afterPipe && run.length === 0) return;
      if (run.length > 0) out.push({ text: run.join("\n"), line: start, rowEnd: true });
      else if (out.length > 0) out[out.length - 1]!.rowEnd = true;
      run = [];
      afterPipe = false;
    } else {
      if (run.length === 0) start = i + 1;
      run.push(t);
      afterPipe = false;
    }
  });
  if (run.length > 0) out.push({ text: run.join("\n"), line: start, rowEnd: true });
  return out;
}

const cell = (text: string): Cell => parseCellMarkup(text.replace(/\n/g, "<br>"));
const rowOf = (texts: string[], line: number): Row => ({ cells: texts.map(cell), line });

/** A header starting at segment `i`: the longest run of column names that detectHeader takes. */
function headerAt(
  segs: Segment[],
  i: number,
  pipes: boolean,
): { header: TableHeader; length: number } | null {
  const first = segs[i]!;
  if (first.text.length > 60 || first.text.includes("\n")) return null;
  const firstRole = roleOf(first.text);
  if (firstRole !== "number" && firstRole !== "name" && first.text !== "") return null;
  let n = 0;
  while (i + n < segs.length && n < MAX_HEADER) {
    const t = segs[i + n]!.text;
    if (t.length > 60 || (roleOf(t) === null && t !== "")) break;
    n++;
    if (pipes && segs[i + n - 1]!.rowEnd && n > 1) break;
  }
  for (let len = n; len >= 3; len--) {
    const texts = segs.slice(i, i + len).map((s) => s.text);
    const header = detectHeader(rowOf(texts, first.line));
    if (header && header.columns.length === len) return { header, length: len };
  }
  return null;
}

/** A site's menu or footer: three or more short lines with no figure and no unit's name. */
function isMenu(text: string): boolean {
  const lines = text.split("\n");
  return (
    lines.length >= 3 &&
    lines.every((l) => l.length <= 30 && !/\d/.test(l.replace(/^©.*/, "")) && !isOrgName(l))
  );
}

function isEnd(seg: Segment): boolean {
  return appendixHeading(seg.text) !== null || SIGNATURE.test(seg.text) || isMenu(seg.text);
}

/** One row's segments → cell texts under the header's columns. */
function placeRow(segs: Segment[], header: TableHeader, width: number): string[] {
  const texts = new Array<string>(width).fill("");
  const numberCol = header.columns.find((c) => c.role === "number")?.index ?? -1;
  let rest = segs.map((s) => s.text);
  if (rest.length === width) return rest;
  const columns = header.columns.filter((c) => c.index !== numberCol);
  const kind = readNumber(rest[0] ?? "").kind;
  if (numberCol >= 0 && kind !== "none" && kind !== "text") {
    texts[numberCol] = rest[0]!;
    rest = rest.slice(1);
  }
  const placed = alignCells(
    rest,
    columns.map((c) => c.role as ColumnRole),
  );
  placed.forEach((idx, j) => {
    texts[columns[j]!.index] = idx.map((i) => rest[i]!).join("\n");
  });
  return texts;
}

/** Rows of a table whose cells are separated by `|` lines: a row ends at an empty line. */
function pipeRows(
  segs: Segment[],
  from: number,
  width: number,
): { rows: Segment[][]; end: number } {
  const rows: Segment[][] = [];
  let row: Segment[] = [];
  let i = from;
  for (; i < segs.length; i++) {
    const seg = segs[i]!;
    if (row.length === 0 && isEnd(seg)) break;
    row.push(seg);
    if (seg.rowEnd) {
      if (row.length === 1 && rows.length > 0) {
        row = [];
        break; // a line without `|`: text after the table
      }
      rows.push(row);
      row = [];
    }
    if (row.length > width * 2) break;
  }
  if (row.length > 0) rows.push(row);
  return { rows, end: i };
}

/** Rows of a table whose cells are separated by empty lines only: found by their numbers. */
function numberedRows(
  segs: Segment[],
  from: number,
  width: number,
): { rows: Segment[][]; end: number } {
  const sequence = new RowSequence();
  const rows: Segment[][] = [];
  let i = from;
  for (; i < segs.length; i++) {
    const seg = segs[i]!;
    if (isEnd(seg) || (headerAt(segs, i, false) !== null && rows.length > 0)) break;
    if (sequence.accept(seg.text)) rows.push([seg]);
    else if (rows.length === 0) break;
    else if (rows[rows.length - 1]!.length >= width * 2) break;
    else rows[rows.length - 1]!.push(seg);
  }
  // A group row (number and title) followed by a full row without a number: two rows.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 2 + width - 1 && r < rows.length - 1) rows.splice(r + 1, 0, row.splice(2));
  }
  // The last row takes no more cells than the table has columns; the rest is text after it.
  const last = rows[rows.length - 1];
  if (last && last.length > width) {
    i -= last.length - width;
    last.splice(width);
  }
  return { rows, end: i };
}

export function readFlatTextBlocks(text: string): Block[] | null {
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  const pipes = lines.filter((l) => l.trim() === "|").length >= 3;
  const segs = segments(lines, pipes);
  const blocks: Block[] = [];
  let tables = 0;
  for (let i = 0; i < segs.length;) {
    const found = headerAt(segs, i, pipes);
    if (!found) {
      const seg = segs[i]!;
      seg.text.split("\n").forEach((line, k) => {
        const c = cell(line);
        if (c.text !== "")
          blocks.push({ type: "paragraph", text: c.text, bold: c.bold, line: seg.line + k });
      });
      i++;
      continue;
    }
    const width = found.length;
    const start = i + found.length;
    const { rows, end } = pipes ? pipeRows(segs, start, width) : numberedRows(segs, start, width);
    const header = rowOf(
      segs.slice(i, start).map((s) => s.text),
      segs[i]!.line,
    );
    blocks.push({
      type: "table",
      rows: [header, ...rows.map((r) => rowOf(placeRow(r, found.header, width), r[0]!.line))],
    });
    tables++;
    i = Math.max(end, start);
  }
  return tables > 0 ? dropSiteChrome(blocks) : null;
}
