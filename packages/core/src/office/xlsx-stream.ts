/**
 * An Excel workbook written as a stream of bytes (the periodic report's annexes, a list page's
 * "Xuất Excel", the national list of every task): one sheet per source, the header row bold,
 * frozen and filtered, column widths fixed, dates as Excel dates (dd/mm/yyyy), shares as
 * percentages, text as inline strings. Rows are read from an (async) iterable and leave as
 * compressed chunks, so a million rows never sit in memory; the caller writes the chunks out.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from "fflate";
import type { AnnexCell, AnnexColumn } from "../periodic-report/periodic-report.model.js";
import type { ListSheet } from "../list-export/list-sheet.js";
import { contentTypesXml, relsXml, XML_HEAD, xmlEscape } from "./office.package.js";
import { columnName, excelSerial } from "./xlsx.writer.js";

const SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml";
/** Rows gathered into one compressed piece (about this many characters of XML). */
const PIECE_CHARS = 256 * 1024;
const MTIME = new Date(Date.UTC(2026, 0, 1));

/** cellXfs: 0 plain, 1 header (bold, wrapped, centred), 2 dd/mm/yyyy, 3 0.0%. */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${SHEET_NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const STYLE_OF: Partial<Record<AnnexColumn["kind"], number>> = { date: 2, percent: 3 };

/** Characters XML 1.0 does not allow (control characters pasted from other programs). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function cellXml(ref: string, value: AnnexCell, column: AnnexColumn): string {
  if (value === null || value === "") return "";
  const style = STYLE_OF[column.kind];
  const s = style === undefined ? "" : ` s="${style}"`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  const date = column.kind === "date" ? ISO_DATE.exec(value) : null;
  if (date) return `<c r="${ref}"${s}><v>${excelSerial(+date[1]!, +date[2]!, +date[3]!)}</v></c>`;
  const text = xmlEscape(value.replace(NOT_XML, ""));
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

function sheetHead(columns: readonly AnnexColumn[], letters: readonly string[]): string {
  const cols = columns
    .map((c, i) => {
      const style = STYLE_OF[c.kind];
      // a character of Calibri 11 is about 2 mm wide
      const width = Math.max(6, Math.round(c.widthMm / 2));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"${style === undefined ? "" : ` style="${style}"`}/>`;
    })
    .join("");
  const header = columns
    .map(
      (c, i) =>
        `<c r="${letters[i]}1" s="1" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(c.title)}</t></is></c>`,
    )
    .join("");
  return (
    `${XML_HEAD}<worksheet xmlns="${SHEET_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`
  );
}

/** The header and data range of a sheet with `rows` rows in all ("A1:K92"). */
const rangeOf = (width: number, rows: number) => `A1:${columnName(width - 1)}${rows}`;

function workbookXml(sheets: readonly ListSheet[], rowCounts: readonly number[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${xmlEscape(s.sheet)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const filters = sheets
    .map((s, i) => {
      const [from, to] = rangeOf(s.columns.length, rowCounts[i]!).split(":");
      const name = `'${s.sheet.replace(/'/g, "''")}'`;
      const abs = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`${name}!${abs(from!)}:${abs(to!)}`)}</definedName>`;
    })
    .join("");
  return `${XML_HEAD}<workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets>${list}</sheets><definedNames>${filters}</definedNames></workbook>`;
}

function packageParts(sheets: readonly ListSheet[], rowCounts: readonly number[]) {
  const rels: [string, string, string][] = sheets.map((_, i) => [
    `rId${i + 1}`,
    "worksheet",
    `worksheets/sheet${i + 1}.xml`,
  ]);
  rels.push([`rId${sheets.length + 1}`, "styles", "styles.xml"]);
  return {
    "xl/workbook.xml": workbookXml(sheets, rowCounts),
    "xl/_rels/workbook.xml.rels": relsXml(rels),
    "xl/styles.xml": STYLES,
    "_rels/.rels": relsXml([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "[Content_Types].xml": contentTypesXml([
      ["xl/workbook.xml", `${MAIN}.sheet.main+xml`],
      ["xl/styles.xml", `${MAIN}.styles+xml`],
      ...sheets.map((_, i): [string, string] => [
        `xl/worksheets/sheet${i + 1}.xml`,
        `${MAIN}.worksheet+xml`,
      ]),
    ]),
  };
}

/**
 * A worksheet's zip entry whose bytes are compressed by the caller's means (the server's native
 * deflate, off the main thread): `push` resolves when the next piece may be pushed, and the entry
 * hands its compressed bytes (then its size and crc) to the zip through `ondata`.
 */
export type SheetEntry = ZipInputFile & {
  push(data: Uint8Array, final: boolean): void | Promise<void>;
};

/** fflate's deflate on this thread at level 1 (fast, about a fifth larger than level 6). */
const inThread = (filename: string): SheetEntry => new ZipDeflate(filename, { level: 1 });

/**
 * The .xlsx file of these sheets, chunk by chunk. Each sheet's rows are read once, in order;
 * `entry` makes each worksheet's compressed entry (fflate's deflate on this thread by default).
 */
export async function* xlsxChunks(
  sheets: readonly ListSheet[],
  opts: { entry?: (filename: string) => SheetEntry } = {},
): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended!: () => void;
  // an entry compressed elsewhere may finish after the last piece was pushed
  const finished = new Promise<void>((resolve) => (ended = resolve));
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else ready.push(chunk);
    if (error || final) ended();
  });
  function* drain() {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift()!;
  }
  const rowCounts: number[] = [];
  for (const [index, source] of sheets.entries()) {
    const entry = (opts.entry ?? inThread)(`xl/worksheets/sheet${index + 1}.xml`);
    entry.mtime = MTIME;
    zip.add(entry);
    const letters = source.columns.map((_, i) => columnName(i));
    let piece = sheetHead(source.columns, letters);
    let r = 1;
    for await (const row of source.rows) {
      r += 1;
      piece += `<row r="${r}">`;
      for (let i = 0; i < source.columns.length; i++)
        piece += cellXml(`${letters[i]}${r}`, row[i] ?? null, source.columns[i]!);
      piece += "</row>";
      if (piece.length >= PIECE_CHARS) {
        await entry.push(strToU8(piece), false);
        piece = "";
        yield* drain();
      }
    }
    rowCounts.push(r);
    piece += `</sheetData><autoFilter ref="${rangeOf(source.columns.length, r)}"/></worksheet>`;
    await entry.push(strToU8(piece), true);
    yield* drain();
  }
  for (const [name, xml] of Object.entries(packageParts(sheets, rowCounts))) {
    const entry = new ZipPassThrough(name);
    entry.mtime = MTIME;
    zip.add(entry);
    entry.push(strToU8(xml), true);
  }
  zip.end();
  await finished;
  yield* drain();
}
