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
import { isLegacyWord, readDocBookBlocks } from "./readers/doc.reader.js";
import type { Block } from "./blocks.js";
import type { Warning } from "./contract.js";
import { layoutPage } from "./readers/pdf/page-layout.js";
import { readPdfBlocks } from "./readers/pdf/pdf.reader.js";
import { scanImageKind, type ScanImageKind } from "./readers/scan/scan-image.js";
import { readPgm, scanPage } from "./readers/scan/scan-page.js";
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

/** A scanned page as the OCR step (outside core: pdftoppm or netpbm, tesseract) gives it. */
export type OcrPage = { tsv: string; image: Uint8Array; dpi: number };
/** What the OCR step reads: a PDF of page images, or one page image. */
export type ScanKind = "pdf" | ScanImageKind;
/** Renders (a PDF) or decodes (an image) and recognises every page of a scan. */
export type Ocr = (file: Uint8Array, kind: ScanKind) => Promise<OcrPage[]>;

/** Converts a legacy Word document (.doc) to DocBook XML (antiword, outside core). */
export type LegacyWord = (file: Uint8Array) => Promise<string>;

export type ReadFileOptions = { ocr?: Ocr; legacyWord?: LegacyWord };

/** The pages' words and lines → blocks, and one warning per page with doubtful words. */
function scanBlocks(pages: OcrPage[]): { blocks: Block[]; warnings: Warning[] } {
  const blocks: Block[] = [];
  const warnings: Warning[] = [];
  let line = 1;
  pages.forEach((page, i) => {
    const image = readPgm(page.image);
    if (!image) throw new NotAPlanError(`Trang ${i + 1}: ảnh trang quét không đọc được.`);
    const scan = scanPage(page.tsv, image, page.dpi);
    const laid = layoutPage(scan.content, line);
    blocks.push(...laid.blocks);
    line = laid.next;
    if (scan.doubtful.length > 0) {
      const sample = scan.doubtful
        .slice(0, 8)
        .map((w) => `“${w}”`)
        .join(", ");
      warnings.push({
        line: null,
        code: "ocr_low_confidence",
        message: `Trang ${i + 1}: ${scan.doubtful.length} chữ nhận dạng không chắc chắn (${sample}${scan.doubtful.length > 8 ? ", …" : ""}); cần đối chiếu với bản giấy.`,
      });
    }
  });
  return { blocks, warnings };
}

const NO_OCR =
  "cần nhận dạng chữ (OCR) trước khi nhập: hãy nhập qua trang nhập kế hoạch hoặc lệnh giamsat import.";

/**
 * Every format `readDocument` reads, and PDF: with a text layer (read by pdf.js), or scanned
 * (read by `opts.ocr`; without it a scan is refused with a message that says so); a page
 * scanned to a PNG, JPEG or TIFF image (read by `opts.ocr` too); a legacy Word document (.doc,
 * converted by `opts.legacyWord`; without it refused with how to convert it).
 */
export async function readDocumentFile(
  bytes: Uint8Array,
  opts: ReadFileOptions = {},
): Promise<ReadDocument & { warnings: Warning[] }> {
  const image = scanImageKind(bytes);
  if (image) {
    if (!opts.ocr)
      throw new NotAPlanError(`Tệp là ảnh chụp hoặc ảnh quét trang văn bản: ${NO_OCR}`);
    return { format: "image", ...scanBlocks(await opts.ocr(bytes, image)) };
  }
  if (isLegacyWord(bytes) && opts.legacyWord) {
    return { format: "doc", blocks: readDocBookBlocks(await opts.legacyWord(bytes)), warnings: [] };
  }
  if (!isPdf(bytes)) return { ...readDocument(bytes), warnings: [] };
  const pdf = await readPdfBlocks(bytes);
  if (pdf.textChars >= pdf.pages * SCAN_CHARS_PER_PAGE)
    return { format: "pdf", blocks: pdf.blocks, warnings: [] };
  if (!opts.ocr) {
    throw new NotAPlanError(
      "Tệp PDF là bản quét (ảnh các trang, không có lớp chữ): cần nhận dạng chữ (OCR) trước khi nhập.",
    );
  }
  return { format: "pdf", ...scanBlocks(await opts.ocr(bytes, "pdf")) };
}

/** `importDocument` for every format, PDF (text or scanned) included. */
export async function importDocumentFile(
  bytes: Uint8Array,
  opts: ImportOptions & ReadFileOptions = {},
): Promise<ImportResult> {
  if (bytes.length === 0) throw new NotAPlanError("Tệp rỗng: không có nội dung để nhập.");
  const read = await readDocumentFile(bytes, opts);
  const result = buildResult(read.blocks, opts);
  result.warnings.push(...read.warnings);
  return result;
}
