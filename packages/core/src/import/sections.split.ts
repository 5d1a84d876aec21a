/**
 * Blocks → the document's parts: body paragraphs (front matter, prose), footnote bodies, and
 * appendix sections, each with its heading, title lines, caption and tables. Consecutive table
 * blocks with the same header (page breaks) are one table; a table block without a header that
 * follows a table continues it. A heading between two such blocks heads the rows below it
 * (table/part-heading.ts).
 */
import type { Block, Row } from "./blocks.js";
import { fold } from "../text/fold.js";
import { joinWrappedRows, mergeHeaderRows, mergedRow } from "./table/header-rows.js";
import { captionHeading, partRow, sameSeries, type PartHeading } from "./table/part-heading.js";
import {
  detectHeader,
  isColumnNumberRow,
  matchRepeatedHeader,
  sameTable,
  type TableHeader,
} from "./table/header.detect.js";

export type Paragraph = { text: string; bold: boolean; line: number };

export type Footnote = { marker: string; text: string; line: number };

/**
 * A data row of a table run; `afterBreak`: the first row after a page break (repeated header);
 * `heading`: an unnumbered heading written between two tables, which heads every group below it.
 */
export type RunRow = { row: Row; afterBreak: boolean; glued?: Map<number, string>; heading?: true };

export type TableRun = { header: TableHeader; rows: RunRow[]; intro: string[] };

export type Section = {
  heading: string | null;
  titleLines: string[];
  caption: string | null;
  line: number;
  sheet: string | null;
  runs: TableRun[];
};

export type DocumentParts = { body: Paragraph[]; footnotes: Footnote[]; sections: Section[] };

const HEADING = /^phu luc(?:\s+(?:so\s+)?([ivxlc]+|\d+|[a-z])\b)?\s*[:.\-–—]?\s*(.*)$/;

/** `PHỤ LỤC I`, `Phụ lục II`, `PHỤ LỤC:` (+ an upper-case title on the same line). */
export function appendixHeading(text: string): { heading: string; rest: string } | null {
  const first = text.split("\n")[0] ?? "";
  if (!/^\s*ph/i.test(first)) return null;
  const m = HEADING.exec(fold(first));
  if (!m) return null;
  const restFolded = m[2] ?? "";
  const cut = first.length - restFolded.length;
  const rest = first.slice(Math.max(0, cut)).trim();
  // A title on the same line: upper case, or after a numeral and a separator (`Phụ lục 1: Danh mục…`).
  const titled =
    rest === rest.toUpperCase() || (m[1] !== undefined && /[:.\-–—]/.test(first.slice(0, cut)));
  if (rest !== "" && (!titled || first.length > 250 || /[;]$/.test(rest))) return null;
  const heading = first
    .slice(0, Math.max(0, cut))
    .replace(/[\s:.\-–—]+$/, "")
    .trim();
  return { heading, rest };
}

export function isCaption(text: string): boolean {
  if (!/^\(?\s*(?:ban|kèm|kem)\b/iu.test(text)) return false;
  return /^\(?\s*(?:ban hanh\s+)?kem theo\b/.test(fold(text));
}

type Item =
  | { kind: "para"; para: Paragraph }
  | { kind: "note"; note: Footnote }
  | {
      kind: "table";
      header: TableHeader | null;
      headerRow: Row | null;
      rows: Row[];
      sheet: string | null;
    };

const HEADER_SCAN = 15;

function rowParagraphs(row: Row): Item[] {
  const texts = [...new Set(row.cells.map((c) => c.text).filter((t) => t !== ""))];
  return texts.map((text) => ({
    kind: "para",
    para: { text, bold: row.cells.some((c) => c.text === text && c.bold), line: row.line },
  }));
}

/** A table block → its header (if found in the first rows) and rows; rows above it are paragraphs. */
function tableItems(rows: Row[], sheet: string | null, open: TableHeader | null): Item[] {
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN); i++) {
    const row = rows[i];
    if (!row) break;
    const next = rows[i + 1];
    const merged = next ? mergeHeaderRows(row, next) : null;
    const two = merged && next ? detectHeader(mergedRow(row, merged), [row, next]) : null;
    const wrapped = two ? null : joinWrappedRows(rows.slice(i, i + 3));
    const physical = rows.slice(i, i + (wrapped?.used ?? 1));
    const joinedRow = wrapped ? mergedRow(row, wrapped.texts) : null;
    const joined = joinedRow ? detectHeader(joinedRow, physical) : null;
    const header = two ?? joined ?? detectHeader(row);
    if (header) {
      const above = rows.slice(0, i).flatMap(rowParagraphs);
      const rest = rows.slice(i + (two ? 2 : joined ? physical.length : 1));
      const headerRow = joined && joinedRow ? joinedRow : row;
      return [...above, { kind: "table", header, headerRow, rows: rest, sheet }];
    }
  }
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  if (open && Math.abs(width - open.columns.length) <= 2 && width >= 2) {
    return [{ kind: "table", header: null, headerRow: null, rows, sheet }];
  }
  return rows.flatMap(rowParagraphs);
}

function toItems(blocks: Block[]): Item[] {
  const items: Item[] = [];
  let open: TableHeader | null = null;
  for (const block of blocks) {
    if (block.type === "paragraph") {
      items.push({ kind: "para", para: { text: block.text, bold: block.bold, line: block.line } });
      if (appendixHeading(block.text)) open = null;
    } else if (block.type === "footnote") {
      items.push({
        kind: "note",
        note: { marker: block.marker, text: block.text, line: block.line },
      });
    } else {
      const pieces = block.sheet === undefined ? [block.rows] : sheetPieces(block.rows);
      for (const piece of pieces) {
        if (!Array.isArray(piece)) {
          items.push({ kind: "para", para: piece });
          continue;
        }
        for (const item of tableItems(piece, block.sheet ?? null, open)) {
          items.push(item);
          if (item.kind === "table" && item.header) open = item.header;
        }
      }
    }
  }
  return items;
}

/**
 * A sheet's rows cut at each row that fills one cell below an empty row: such a row is a line
 * between two tables (a caption such as `Giai đoạn 2`), as the title rows above the first are.
 */
function sheetPieces(rows: Row[]): (Row[] | Paragraph)[] {
  const pieces: (Row[] | Paragraph)[] = [];
  let start = 0;
  rows.forEach((row, i) => {
    const texts = new Set(row.cells.map((c) => c.text).filter((t) => t !== ""));
    if (i === 0 || texts.size !== 1 || row.line <= rows[i - 1]!.line + 1) return;
    const cell = row.cells.find((c) => c.text !== "")!;
    if (i > start) pieces.push(rows.slice(start, i));
    pieces.push({ text: cell.text, bold: cell.bold, line: row.line });
    start = i + 1;
  });
  if (start < rows.length) pieces.push(rows.slice(start));
  return pieces;
}

/** The same text glued to a header printed again on the next page is that header's, not a new cut. */
function sameGlue(a: Map<number, string> | undefined, b: Map<number, string>): boolean {
  return a !== undefined && a.size === b.size && [...b].every(([i, text]) => a.get(i) === text);
}

function addRows(run: TableRun, rows: Row[], afterBreak: boolean): void {
  let pendingBreak = afterBreak;
  for (const row of rows) {
    const repeated = matchRepeatedHeader(row, run.header);
    if (repeated) {
      const lastGlue = run.rows.findLast((r) => r.glued !== undefined)?.glued;
      if (repeated.glued.size > 0 && !sameGlue(lastGlue, repeated.glued))
        run.rows.push({ row, afterBreak: true, glued: repeated.glued });
      pendingBreak = true;
      continue;
    }
    if (isColumnNumberRow(row)) continue;
    if (row.cells.every((c) => c.text === "" && c.footnotes.length === 0)) continue;
    run.rows.push({ row, afterBreak: pendingBreak });
    pendingBreak = false;
  }
}

/**
 * A heading between two tables of one run opens the rows that follow as a group row; a title line
 * of the same series before the first table (taken as the section's title) opens the first rows.
 */
function openParts(
  section: Section,
  run: TableRun,
  first: PartHeading | null,
  next: PartHeading,
): void {
  const row = (part: PartHeading): RunRow => ({
    row: partRow(part, run.header),
    afterBreak: false,
    ...(part.number === "" ? { heading: true as const } : {}),
  });
  if (first && sameSeries(first, next)) {
    run.rows.unshift(row(first));
    const at = section.titleLines.findIndex(
      (t) => captionHeading(t, first.line, true)?.title === first.title,
    );
    if (at >= 0) section.titleLines.splice(at, 1);
  }
  run.rows.push(row(next));
}

/** The heading among the paragraphs between two tables: the last numbered one, or a lone caption. */
function betweenHeading(paras: Paragraph[]): PartHeading | null {
  for (let i = paras.length - 1; i >= 0; i--) {
    const heading = captionHeading(paras[i]!.text, paras[i]!.line, paras.length === 1);
    if (heading) return heading;
  }
  return null;
}

/** Splits the document into body, footnotes and appendix sections. */
export function splitSections(blocks: Block[]): DocumentParts {
  const parts: DocumentParts = { body: [], footnotes: [], sections: [] };
  let section: Section | null = null;
  let run: TableRun | null = null;
  let between: Paragraph[] = [];
  let lastBody: Paragraph | null = null;
  /** the heading (`B. …`, `II. …`, `Giai đoạn 2`) among the paragraphs since the last table */
  let part: PartHeading | null = null;
  /** a heading of a series among the section's title lines, before its first table */
  let firstPart: PartHeading | null = null;

  for (const item of toItems(blocks)) {
    if (item.kind === "note") {
      parts.footnotes.push(item.note);
      continue;
    }
    if (item.kind === "para") {
      const { para } = item;
      const head = appendixHeading(para.text);
      if (head) {
        section = {
          heading: head.heading,
          titleLines: head.rest ? [head.rest] : [],
          caption: null,
          line: para.line,
          sheet: null,
          runs: [],
        };
        parts.sections.push(section);
        run = null;
        between = [];
        part = null;
        firstPart = null;
      } else if (
        section &&
        section.runs.length === 0 &&
        section.caption === null &&
        isCaption(para.text)
      ) {
        section.caption = para.text;
      } else if (
        section &&
        section.runs.length === 0 &&
        section.caption !== null &&
        !section.caption.includes(")")
      ) {
        section.caption += ` ${para.text}`;
      } else if (
        section &&
        section.runs.length === 0 &&
        section.caption === null &&
        section.titleLines.length < 6 &&
        para.text.length <= 250
      ) {
        section.titleLines.push(para.text);
        const heading = captionHeading(para.text, para.line, true);
        if (heading?.shape) firstPart = heading;
      } else if (section) {
        between.push(para);
        part = betweenHeading(between);
      } else {
        parts.body.push(para);
        lastBody = para;
      }
      continue;
    }
    if (item.header === null) {
      if (!run) continue;
      if (part && section) {
        openParts(section, run, firstPart, part);
        [between, part, firstPart] = [[], null, null];
        addRows(run, item.rows, false);
      } else addRows(run, item.rows, true);
      continue;
    }
    const newSheet =
      item.sheet !== null &&
      section !== null &&
      section.sheet !== null &&
      section.sheet !== item.sheet;
    // the same header printed again on the next page, read with OCR damage, continues the run
    const again =
      run !== null &&
      (sameTable(run.header, item.header) ||
        (item.headerRow !== null && matchRepeatedHeader(item.headerRow, run.header) !== null));
    if (run && !newSheet && again) {
      if (part && section) openParts(section, run, firstPart, part);
      addRows(run, item.headerRow ? [item.headerRow, ...item.rows] : item.rows, part === null);
      between = [];
      part = null;
      firstPart = null;
      continue;
    }
    if (!section || newSheet || (section.heading === null && section.runs.length > 0)) {
      const title = item.sheet ?? (lastBody && lastBody.text.length <= 250 ? lastBody.text : null);
      section = {
        heading: null,
        titleLines: title ? [title] : [],
        caption: null,
        line: item.header.line,
        sheet: item.sheet,
        runs: [],
      };
      parts.sections.push(section);
    }
    section.sheet ??= item.sheet;
    run = { header: item.header, rows: [], intro: between.map((p) => p.text) };
    between = [];
    // a part heading before a section's first table may also be its title line
    firstPart = section.runs.length === 0 ? (part ?? firstPart) : part;
    part = null;
    section.runs.push(run);
    addRows(run, item.rows, false);
  }
  return parts;
}
