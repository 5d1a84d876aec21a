/**
 * Blocks → the document's parts: body paragraphs (front matter, prose), footnote bodies, and
 * appendix sections, each with its heading, title lines, caption and tables. Consecutive table
 * blocks with the same header (page breaks) are one table; a table block without a header that
 * follows a table continues it.
 */
import type { Block, Row } from "./blocks.js";
import { fold } from "../text/fold.js";
import { joinWrappedRows, mergeHeaderRows, mergedRow } from "./table/header-rows.js";
import { partHeading, partRow, type PartHeading } from "./table/part-heading.js";
import {
  detectHeader,
  isColumnNumberRow,
  matchRepeatedHeader,
  sameTable,
  type TableHeader,
} from "./table/header.detect.js";

export type Paragraph = { text: string; bold: boolean; line: number };

export type Footnote = { marker: string; text: string; line: number };

/** A data row of a table run; `afterBreak`: the first row after a page break (repeated header). */
export type RunRow = { row: Row; afterBreak: boolean; glued?: Map<number, string> };

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
      const made = tableItems(block.rows, block.sheet ?? null, open);
      for (const item of made) {
        items.push(item);
        if (item.kind === "table" && item.header) open = item.header;
      }
    }
  }
  return items;
}

function addRows(run: TableRun, rows: Row[], afterBreak: boolean): void {
  let pendingBreak = afterBreak;
  for (const row of rows) {
    const repeated = matchRepeatedHeader(row, run.header);
    if (repeated) {
      if (repeated.glued.size > 0) run.rows.push({ row, afterBreak: true, glued: repeated.glued });
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
 * A lettered part heading between two tables of one header: the part opens as a group row; the
 * first table's own part heading (taken as the section's title) opens the first table's rows.
 */
function openParts(
  section: Section,
  run: TableRun,
  first: PartHeading | null,
  next: PartHeading,
): void {
  if (first) {
    run.rows.unshift({ row: partRow(first, run.header), afterBreak: false });
    const at = section.titleLines.findIndex((t) => partHeading(t, 0)?.title === first.title);
    if (at >= 0) section.titleLines.splice(at, 1);
  }
  run.rows.push({ row: partRow(next, run.header), afterBreak: false });
}

/** Splits the document into body, footnotes and appendix sections. */
export function splitSections(blocks: Block[]): DocumentParts {
  const parts: DocumentParts = { body: [], footnotes: [], sections: [] };
  let section: Section | null = null;
  let run: TableRun | null = null;
  let between: string[] = [];
  let lastBody: Paragraph | null = null;
  /** the lettered part heading (`B. …`) among the paragraphs since the last table */
  let part: PartHeading | null = null;
  /** the part heading among the section's title lines, before its first table */
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
        firstPart = partHeading(para.text, para.line) ?? firstPart;
      } else if (section) {
        between.push(para.text);
        part = partHeading(para.text, para.line) ?? part;
      } else {
        parts.body.push(para);
        lastBody = para;
      }
      continue;
    }
    if (item.header === null) {
      if (run) addRows(run, item.rows, true);
      continue;
    }
    const newSheet =
      item.sheet !== null &&
      section !== null &&
      section.sheet !== null &&
      section.sheet !== item.sheet;
    if (run && !newSheet && sameTable(run.header, item.header)) {
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
    run = { header: item.header, rows: [], intro: between };
    between = [];
    // a part heading before a section's first table may also be its title line
    firstPart = section.runs.length === 0 ? (part ?? firstPart) : part;
    part = null;
    section.runs.push(run);
    addRows(run, item.rows, false);
  }
  return parts;
}
