/**
 * The importer's entry points. `parsePlanText` reads converted text or Markdown and never
 * throws; `importDocument` takes a file's bytes (or text), detects its format (text, Markdown,
 * .docx, .xlsx, a web page or text copied from one) and throws a NotAPlanError for input that is
 * not a document at all; `importDocumentFile` reads those and PDF with a text layer (asynchronously).
 */
import type { ImportResult } from "./contract.js";
import type { OrgDirectory } from "../directory/index.js";
import { buildResult } from "./build-result.js";
import { NotAPlanError } from "./not-a-plan.error.js";
import { readDocument, readTextDocument, type ReadDocument } from "./readers/detect.js";
import { readPdfBlocks } from "./readers/pdf/pdf.reader.js";
import { readTextBlocks } from "./readers/text.reader.js";

export type ImportOptions = { directory?: OrgDirectory; fileName?: string };

export function parsePlanText(text: string, opts: { directory?: OrgDirectory } = {}): ImportResult {
  return buildResult(readTextBlocks(text), opts);
}

export function importDocument(input: Uint8Array | string, opts: ImportOptions = {}): ImportResult {
  if (typeof input === "string") {
    if (input.trim() === "") throw new NotAPlanError("Tệp rỗng: không có nội dung để nhập.");
    return buildResult(readTextDocument(input).blocks, opts);
  }
  if (input.length === 0) throw new NotAPlanError("Tệp rỗng: không có nội dung để nhập.");
  const { blocks } = readDocument(input);
  return buildResult(blocks, opts);
}

const isPdf = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-";

/** Fewer letters than this per page: the PDF is a scan (images of pages), not text. */
const SCAN_CHARS_PER_PAGE = 40;

/**
 * Every format `readDocument` reads, and PDF with a text layer (read asynchronously by pdf.js).
 * A PDF without text (a scan) is refused with a message that says so.
 */
export async function readDocumentFile(bytes: Uint8Array): Promise<ReadDocument> {
  if (!isPdf(bytes)) return readDocument(bytes);
  const pdf = await readPdfBlocks(bytes);
  if (pdf.textChars < pdf.pages * SCAN_CHARS_PER_PAGE) {
    throw new NotAPlanError(
      "Tệp PDF là bản quét (ảnh các trang, không có lớp chữ): cần nhận dạng chữ (OCR) trước khi nhập.",
    );
  }
  return { format: "pdf", blocks: pdf.blocks };
}

/** `importDocument` for every format, PDF included. */
export async function importDocumentFile(
  bytes: Uint8Array,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  if (bytes.length === 0) throw new NotAPlanError("Tệp rỗng: không có nội dung để nhập.");
  return buildResult((await readDocumentFile(bytes)).blocks, opts);
}
