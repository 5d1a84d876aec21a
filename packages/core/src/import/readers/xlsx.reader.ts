/**
 * Excel (.xlsx) → blocks. Each visible sheet gives its title rows (the rows above the table that
 * fill at most one cell: `PHỤ LỤC I`, the appendix title, the caption) as paragraphs, headed by
 * a paragraph with the sheet's name unless the first title row is already the appendix heading,
 * then one table block with the remaining rows. Values come
 * from shared strings, inline strings and numbers; a number in a date-formatted cell is written
 * dd/mm/yyyy (mm/yyyy or yyyy when the format shows no day, so no day is ever invented); merged
 * cells are resolved as xml.grid.ts explains. `line` is the sheet's row number.
 */
import type { Block, Cell, Row } from "../blocks.js";
import { columnName } from "../../office/xlsx.writer.js";
import { fold } from "../../text/fold.js";
import { countText, DocumentTooLargeError } from "../document-too-large.error.js";
import { NotAPlanError } from "../not-a-plan.error.js";
import { READ_LIMITS } from "./read-limits.js";
import { emptyCell, resolveVerticalMerges, type GridCell } from "./xml.grid.js";
import {
  attr,
  childElements,
  emptyElement,
  firstChild,
  parseXml,
  textContent,
  type XmlElement,
} from "./xml.js";
import { footnoteMarker, officeText } from "./xml.text.js";
import {
  formatDate,
  formatNumber,
  serialToDate,
  XlsxStyles,
  type CellStyle,
} from "./xlsx.styles.js";
import { partText, relatedPart, relationships, unzipParts, type ZipParts } from "./zip.js";

const MAX_COLUMNS = 256;
const MAX_ROWS = 100_000;

type RichText = { text: string; bold: boolean | null; italic: boolean | null; footnotes: string[] };

export function readXlsxBlocks(bytes: Uint8Array): Block[] {
  const parts = unzipParts(bytes, (name) => name.endsWith(".xml") || name.endsWith(".rels"));
  if (!parts) throw new NotAPlanError("Tệp Excel (.xlsx) bị hỏng, không giải nén được.");
  return readXlsxParts(parts);
}

function workbookPart(parts: ZipParts): string {
  return relatedPart(parts, "", "officeDocument") ?? "xl/workbook.xml";
}

export function readXlsxParts(parts: ZipParts): Block[] {
  const main = workbookPart(parts);
  const workbookXml = partText(parts, main);
  if (workbookXml === null) throw new NotAPlanError("Tệp .xlsx không có danh sách trang tính.");
  const workbook = firstChild(parseXml(workbookXml), "workbook");
  const xml = (kind: string, fallback: string) => {
    const text = partText(parts, relatedPart(parts, main, kind) ?? fallback);
    return text === null ? null : parseXml(text);
  };
  const context: SheetContext = {
    strings: childElements(
      firstChild(xml("sharedStrings", "xl/sharedStrings.xml") ?? undefined, "sst") ??
        emptyElement(),
      "si",
    ).map(richText),
    styles: new XlsxStyles(xml("styles", "xl/styles.xml")),
    date1904: /^(1|true)$/i.test(attr(firstChild(workbook, "workbookPr"), "date1904") ?? ""),
  };
  const targets = new Map(relationships(parts, main).map((r) => [r.id, r.target]));
  const blocks: Block[] = [];
  for (const sheet of childElements(firstChild(workbook, "sheets") ?? emptyElement(), "sheet")) {
    if (/hidden/i.test(attr(sheet, "state") ?? "")) continue;
    const target = targets.get(attr(sheet, "id") ?? "");
    const sheetXml = target ? partText(parts, target) : null;
    if (sheetXml === null) continue;
    const name = officeText(attr(sheet, "name") ?? "");
    checkRowCount(name, sheetXml);
    blocks.push(
      ...sheetBlocks(name, firstChild(parseXml(sheetXml), "worksheet") ?? emptyElement(), context),
    );
  }
  return blocks;
}

/** A row element with content (`<row …>`, not the empty `<row …/>` of a formatted row). */
const ROW_TAG = /<(?:[\w.-]+:)?row(?:\s[^>]*[^/>])?>/g;

/** Counts the rows in the sheet's text before parsing it: the parse is the costly part. */
function checkRowCount(sheet: string, xml: string): void {
  let rows = 0;
  ROW_TAG.lastIndex = 0;
  while (ROW_TAG.exec(xml)) {
    if (++rows > READ_LIMITS.rows) {
      throw new DocumentTooLargeError(
        `trang tính "${sheet}" có hơn ${countText(READ_LIMITS.rows)} dòng`,
      );
    }
  }
}

type SheetContext = { strings: RichText[]; styles: XlsxStyles; date1904: boolean };

function sheetBlocks(name: string, worksheet: XmlElement, ctx: SheetContext): Block[] {
  const grid = readGrid(name, worksheet, ctx);
  if (grid.rows.length === 0) return [];
  const resolved = resolveVerticalMerges(grid.rows.map((r) => r.cells));
  const rows: Row[] = grid.rows
    .map((r, i) => ({ cells: resolved[i] ?? [], line: r.line }))
    .filter((r) => r.cells.some((c) => c.text !== ""));
  const titles: Block[] = [];
  let first = 0;
  for (; first < rows.length; first++) {
    const filled = rows[first]!.cells.filter((c) => c.text !== "");
    if (filled.length > 1) break;
    titles.push({
      type: "paragraph",
      text: filled[0]?.text ?? "",
      bold: filled[0]?.bold ?? false,
      line: rows[first]!.line,
    });
  }
  // The sheet's name heads its blocks unless its own title rows already start with the heading.
  const firstTitle = titles[0]?.type === "paragraph" ? fold(titles[0].text) : "";
  const named = name !== "" && !firstTitle.startsWith("phu luc") && firstTitle !== fold(name);
  const blocks: Block[] = named
    ? [{ type: "paragraph", text: name, bold: false, line: rows[0]?.line ?? 1 }]
    : [];
  blocks.push(...titles);
  const table = rows.slice(first);
  if (table.length > 0) {
    const left = table.reduce((min, r) => {
      const i = r.cells.findIndex((c) => c.text !== "");
      return i >= 0 ? Math.min(min, i) : min;
    }, Infinity);
    blocks.push({
      type: "table",
      sheet: name,
      rows: table.map((r) => ({ cells: r.cells.slice(left), line: r.line })),
    });
  }
  return blocks;
}

/**
 * The sheet's cells as a dense grid (rows in order, one GridCell per column), merges applied.
 * Refuses a sheet over READ_LIMITS (rows with content, merged ranges, rows × columns) before
 * spreading it out.
 */
function readGrid(
  sheet: string,
  worksheet: XmlElement,
  ctx: SheetContext,
): { rows: { line: number; cells: GridCell[] }[] } {
  const tooLarge = (what: string) => new DocumentTooLargeError(`trang tính "${sheet}" ${what}`);
  const byRow = new Map<number, Map<number, GridCell>>();
  let width = 0;
  let nextRow = 1;
  for (const row of childElements(firstChild(worksheet, "sheetData") ?? emptyElement(), "row")) {
    const r = Number(attr(row, "r")) || nextRow;
    nextRow = r + 1;
    if (r > MAX_ROWS) break;
    const cells = new Map<number, GridCell>();
    let nextCol = 0;
    for (const c of childElements(row, "c")) {
      const col = columnIndex(attr(c, "r")) ?? nextCol;
      nextCol = col + 1;
      if (col >= MAX_COLUMNS) continue;
      const cell = readCell(c, ctx);
      if (cell.text === "") continue;
      cells.set(col, { cell, merge: "none" });
      width = Math.max(width, col + 1);
    }
    if (cells.size > 0) byRow.set(r, cells);
    if (byRow.size > READ_LIMITS.rows) {
      throw tooLarge(`có hơn ${countText(READ_LIMITS.rows)} dòng có nội dung`);
    }
  }
  if (byRow.size * width > READ_LIMITS.cells) {
    throw tooLarge(
      `có ${countText(byRow.size)} dòng × ${width} cột (đến cột ${columnName(width - 1)}) = ` +
        `${countText(byRow.size * width)} ô (tối đa ${countText(READ_LIMITS.cells)})`,
    );
  }
  const merges = childElements(firstChild(worksheet, "mergeCells") ?? emptyElement(), "mergeCell");
  if (merges.length > READ_LIMITS.merges) {
    throw tooLarge(
      `có ${countText(merges.length)} vùng ô gộp (tối đa ${countText(READ_LIMITS.merges)})`,
    );
  }
  const lines = [...byRow.keys()].sort((a, b) => a - b);
  let spread = 0;
  for (const merge of merges) {
    spread += applyMerge(byRow, lines, attr(merge, "ref") ?? "", width);
    if (spread > READ_LIMITS.cells) {
      throw tooLarge(`có vùng ô gộp phủ hơn ${countText(READ_LIMITS.cells)} ô có nội dung`);
    }
  }
  return {
    rows: lines.map((line) => {
      const cells = byRow.get(line)!;
      const dense: GridCell[] = [];
      for (let c = 0; c < width; c++)
        dense.push(cells.get(c) ?? { cell: emptyCell(), merge: "none" });
      return { line, cells: dense };
    }),
  };
}

/**
 * Marks a merged range: its top-left cell starts it, the cells under it continue it. Visits
 * only the rows with content inside the range (`lines`: their numbers, sorted); returns how many.
 */
function applyMerge(
  byRow: Map<number, Map<number, GridCell>>,
  lines: number[],
  ref: string,
  width: number,
): number {
  const [from, to] = ref.split(":");
  const c0 = columnIndex(from);
  const c1 = columnIndex(to);
  const r0 = rowIndex(from);
  const r1 = rowIndex(to);
  if (c0 === null || c1 === null || r0 === null || r1 === null || r1 <= r0 || c0 >= width) return 0;
  const top = byRow.get(r0)?.get(c0);
  if (!top) return 0;
  top.merge = "start";
  let visited = 0;
  // A continuation only matters on a row that has content of its own.
  for (let i = firstAfter(lines, r0); i < lines.length && lines[i]! <= r1; i++) {
    byRow.get(lines[i]!)!.set(c0, { cell: emptyCell(), merge: "continue" });
    visited++;
  }
  return visited;
}

/** Index of the first element of the sorted `lines` greater than `r`. */
function firstAfter(lines: number[], r: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! <= r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readCell(c: XmlElement, ctx: SheetContext): Cell {
  const type = attr(c, "t") ?? "n";
  const style = ctx.styles.style(attr(c, "s"));
  const v = firstChild(c, "v");
  const raw = v ? textContent(v) : "";
  let rich: RichText;
  if (type === "s") rich = ctx.strings[Number(raw)] ?? plain("");
  else if (type === "inlineStr") rich = richText(firstChild(c, "is") ?? emptyElement());
  else if (type === "str") rich = plain(officeText(raw));
  else if (type === "b") rich = plain(raw === "1" ? "TRUE" : raw === "0" ? "FALSE" : "");
  else if (type === "e") rich = plain("");
  else if (type === "d") rich = plain(isoDateText(raw, style));
  else rich = plain(numberText(raw, style, ctx.date1904));
  return {
    text: rich.text,
    bold: rich.text !== "" && (rich.bold ?? style.bold),
    italic: rich.text !== "" && (rich.italic ?? style.italic),
    footnotes: rich.footnotes,
  };
}

function numberText(raw: string, style: CellStyle, date1904: boolean): string {
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(value)) return officeText(raw);
  if (style.format === "percent") return `${formatNumber(value * 100)}%`;
  if (style.format !== "number") {
    const date = serialToDate(value, date1904);
    if (date) return formatDate(date, style.format);
  }
  return formatNumber(value);
}

function isoDateText(raw: string, style: CellStyle): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  if (!m) return officeText(raw);
  return formatDate(
    [Number(m[1]), Number(m[2]), Number(m[3])],
    style.format === "number" ? "date" : style.format,
  );
}

/** A shared or inline string: plain `<t>` or rich runs `<r><rPr/><t/></r>` (phonetic runs left out). */
function richText(si: XmlElement): RichText {
  const runs = childElements(si, "r");
  if (runs.length === 0) return plain(officeText(childElements(si, "t").map(textContent).join("")));
  let text = "";
  const footnotes: string[] = [];
  const visible: { bold: boolean; italic: boolean }[] = [];
  for (const run of runs) {
    const rPr = firstChild(run, "rPr");
    const t = childElements(run, "t").map(textContent).join("");
    const superscript = attr(firstChild(rPr, "vertAlign"), "val") === "superscript";
    const marker = superscript ? footnoteMarker(t) : null;
    if (marker !== null) {
      footnotes.push(marker);
      continue;
    }
    text += t;
    if (t.trim())
      visible.push({ bold: on(firstChild(rPr, "b")), italic: on(firstChild(rPr, "i")) });
  }
  const all = (key: "bold" | "italic") =>
    visible.length > 0 ? visible.every((v) => v[key]) : null;
  return { text: officeText(text), bold: all("bold"), italic: all("italic"), footnotes };
}

function on(el: XmlElement | undefined): boolean {
  return !!el && !/^(0|false|off)$/i.test(attr(el, "val") ?? "");
}

function plain(text: string): RichText {
  return { text, bold: null, italic: null, footnotes: [] };
}

/** "C12" → 2 (0-based column), or null. */
function columnIndex(ref: string | undefined): number | null {
  const m = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref?.trim() ?? "");
  if (!m) return null;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function rowIndex(ref: string | undefined): number | null {
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(ref?.trim() ?? "");
  return m ? Number(m[1]) : null;
}
