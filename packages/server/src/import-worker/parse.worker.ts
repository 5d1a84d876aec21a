/**
 * The worker thread that reads an uploaded plan document (parse-in-worker.ts starts one per
 * document, with time and memory limits; any format, PDF included, scans through OCR, a
 * legacy .doc through antiword): the import result and the reporting calendar its text
 * states, or the refusal the readers gave (not a plan, too large).
 */
import { parentPort, workerData } from "node:worker_threads";
import {
  buildResult,
  DomainError,
  readDocumentFile,
  reportingCalendarFromText,
  type ErrorCode,
  type ImportResult,
  type ReportingCalendar,
} from "@giamsat/core";
import { orgDirectory } from "../directory/org-directory-file.js";
import { antiwordReader } from "../import-doc/antiword.runner.js";
import { scanOcr, type OcrPrograms } from "../import-ocr/ocr.runner.js";

export type ParseJob = {
  bytes: Uint8Array;
  orgsFile: string | undefined;
  ocr: OcrPrograms;
  antiword: string;
};

export type ParseAnswer =
  | { ok: true; result: ImportResult; calendar: ReportingCalendar | null }
  | { ok: false; code: ErrorCode; message: string };

/** Sent while a scan is read: pages recognised so far. */
export type ParseProgress = { progress: true; done: number; total: number };

const progress = (done: number, total: number) =>
  parentPort?.postMessage({ progress: true, done, total } satisfies ParseProgress);

async function parse(job: ParseJob): Promise<ParseAnswer> {
  try {
    const { blocks, warnings } = await readDocumentFile(job.bytes, {
      ocr: scanOcr(job.ocr, progress),
      legacyWord: antiwordReader(job.antiword),
    });
    const result = buildResult(blocks, { directory: orgDirectory(job.orgsFile) });
    result.warnings.push(...warnings);
    const text = blocks.map((b) => (b.type === "table" ? "" : b.text)).join("\n");
    return { ok: true, result, calendar: reportingCalendarFromText(text) };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

parentPort?.postMessage(await parse(workerData as ParseJob));
