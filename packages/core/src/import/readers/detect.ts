/**
 * Reads any plan document from its bytes, choosing the reader by content, not by file name:
 * a ZIP package holding word/document.xml is Word (.docx), one holding xl/workbook.xml is Excel
 * (.xlsx); UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognised by its zero bytes) is
 * text: a web page (.html), Markdown when it has a pipe table, text copied from a website when
 * its tables arrived flattened, else converted text. Anything else (an image, a PDF, an old
 * .doc/.xls, an empty or binary file) is refused with a NotAPlanError whose one-line message says why; a
 * document over READ_LIMITS with a DocumentTooLargeError.
 */
import type { Block, SourceFormat } from "../blocks.js";
import { countText, DocumentTooLargeError } from "../document-too-large.error.js";
import { NotAPlanError } from "../not-a-plan.error.js";
import { readDocxParts } from "./docx.reader.js";
import { readFlatTextBlocks } from "./flat-text.reader.js";
import { isHtml, readHtmlBlocks } from "./html.reader.js";
import { isAlignmentRow, isPipeRow } from "./pipe-row.js";
import { READ_LIMITS } from "./read-limits.js";
import { readTextBlocks } from "./text.reader.js";
import { scanImageKind } from "./scan/scan-image.js";
import { readXlsxParts } from "./xlsx.reader.js";
import { isZip, relatedPart, unzipParts } from "./zip.js";

export type ReadDocument = { format: SourceFormat; blocks: Block[] };

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, n: number) => String.fromCharCode(...bytes.subarray(0, n));

/** Known binary formats that are not plan documents, with the reason given to the user. */
function binaryFormat(bytes: Uint8Array): string | null {
  if (ascii(bytes, 5) === "%PDF-") {
    return "Tệp PDF chưa đọc được ở bước này: hãy nhập tệp qua trang nhập kế hoạch hoặc lệnh giamsat import.";
  }
  if (scanImageKind(bytes)) {
    return "Ảnh quét (PNG, JPEG, TIFF) chưa đọc được ở bước này: hãy nhập tệp qua trang nhập kế hoạch hoặc lệnh giamsat import.";
  }
  const image =
    ascii(bytes, 4) === "GIF8" ||
    (ascii(bytes, 4) === "RIFF" && ascii(bytes.subarray(8), 4) === "WEBP") ||
    ascii(bytes.subarray(4), 4) === "ftyp";
  if (image)
    return "Tệp là hình ảnh định dạng chưa hỗ trợ (GIF, WebP, HEIC): hãy lưu ảnh trang văn bản thành PNG, JPEG hoặc TIFF, hoặc dùng tệp Word (.docx), Excel (.xlsx), PDF.";
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return "Tệp Word/Excel định dạng cũ (.doc, .xls) chưa đọc được: mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) Word .docx hoặc Excel .xlsx rồi nhập lại (hoặc: soffice --headless --convert-to docx TỆP).";
  }
  if (ascii(bytes, 5) === "{\\rtf") return "Tệp RTF chưa được hỗ trợ: hãy lưu lại thành .docx.";
  return null;
}

function readPackage(bytes: Uint8Array): ReadDocument {
  const parts = unzipParts(bytes, (name) => name.endsWith(".xml") || name.endsWith(".rels"));
  if (!parts) throw new NotAPlanError("Tệp nén bị hỏng hoặc quá lớn, không giải nén được.");
  const main = relatedPart(parts, "", "officeDocument") ?? "";
  if (main.startsWith("word/") || parts.has("word/document.xml")) {
    return { format: "docx", blocks: readDocxParts(parts) };
  }
  if (main.startsWith("xl/") || parts.has("xl/workbook.xml")) {
    return { format: "xlsx", blocks: readXlsxParts(parts) };
  }
  if (parts.has("content.xml")) {
    throw new NotAPlanError(
      "Tệp OpenDocument (.odt, .ods) chưa được hỗ trợ: hãy lưu lại thành .docx hoặc .xlsx.",
    );
  }
  throw new NotAPlanError("Tệp nén không phải tài liệu Word (.docx) hay Excel (.xlsx).");
}

/** UTF-16 without a BOM: Vietnamese text in UTF-16 has a zero byte in most ASCII positions. */
function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (half >= 2 && oddZeros > half * 0.3 && evenZeros < half * 0.05) return "utf-16le";
  if (half >= 2 && evenZeros > half * 0.3 && oddZeros < half * 0.05) return "utf-16be";
  return null;
}

const NOT_TEXT =
  "Tệp không phải văn bản đọc được (tệp nhị phân, hoặc mã ký tự cũ như TCVN3/VNI): hãy lưu lại dưới dạng UTF-8, Word (.docx) hoặc Excel (.xlsx).";

/** Decodes text bytes; refuses binary content and undecodable encodings. */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (startsWith(bytes, 0xef, 0xbb, 0xbf))
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  else if (startsWith(bytes, 0xff, 0xfe))
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (startsWith(bytes, 0xfe, 0xff))
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    const order = bytes.includes(0) ? utf16Order(bytes) : null;
    if (bytes.includes(0) && !order) throw new NotAPlanError(NOT_TEXT);
    text = new TextDecoder(order ?? "utf-8").decode(bytes);
  }
  // A few damaged characters are tolerated; a file made of them is not text.
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0xfffd ||
      (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) ||
      c === 0x7f
    )
      bad++;
  }
  if (bad > 0 && bad >= text.length * 0.01) throw new NotAPlanError(NOT_TEXT);
  return text;
}

/** Markdown when a pipe row is followed by an alignment row (`| --- | :---: |`). */
function hasPipeTable(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.some((line, i) => isPipeRow(line) && isAlignmentRow(lines[i + 1] ?? ""));
}

export function readDocument(bytes: Uint8Array): ReadDocument {
  const read = readAny(bytes);
  checkRows(read.blocks.reduce((n, b) => n + (b.type === "table" ? b.rows.length : 1), 0));
  return read;
}

function checkRows(rows: number): void {
  if (rows > READ_LIMITS.rows) {
    throw new DocumentTooLargeError(
      `có hơn ${countText(READ_LIMITS.rows)} dòng (đoạn văn và dòng bảng)`,
    );
  }
}

function readAny(bytes: Uint8Array): ReadDocument {
  if (bytes.length === 0) throw new NotAPlanError("Tệp rỗng: không có nội dung để nhập.");
  if (isZip(bytes)) return readPackage(bytes);
  const binary = binaryFormat(bytes);
  if (binary) throw new NotAPlanError(binary);
  const text = decodeText(bytes);
  if (text.trim() === "") throw new NotAPlanError("Tệp rỗng: không có nội dung để nhập.");
  return readTextDocument(text);
}

/**
 * Text in any of its forms: a saved web page, converted text or Markdown, or text copied from a
 * website whose tables arrived flattened (each cell on its own line).
 */
export function readTextDocument(text: string): ReadDocument {
  if (isHtml(text)) return { format: "html", blocks: readHtmlBlocks(text) };
  // Lines bound the rows: a text with too many is refused before it is split into blocks.
  checkRows(text.split(/\r\n|\r|\n/, READ_LIMITS.rows + 2).filter((l) => l.trim()).length);
  const blocks = readTextBlocks(text);
  if (!blocks.some((b) => b.type === "table")) {
    const flat = readFlatTextBlocks(text);
    if (flat) return { format: "web-text", blocks: flat };
  }
  return { format: hasPipeTable(text) ? "markdown" : "text", blocks };
}
