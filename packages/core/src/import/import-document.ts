/**
 * The importer's entry points. `parsePlanText` reads converted text or Markdown and never
 * throws; `importDocument` takes a file's bytes (or text), detects its format (text, Markdown,
 * .docx, .xlsx, a web page or text copied from one) and throws a NotAPlanError for input that is not a document at all.
 */
import type { ImportResult } from "./contract.js";
import type { OrgDirectory } from "../directory/index.js";
import { buildResult } from "./build-result.js";
import { NotAPlanError } from "./not-a-plan.error.js";
import { readDocument, readTextDocument } from "./readers/detect.js";
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
