import { DomainError, ValidationError } from "@giamsat/core";
import type { FastifyRequest } from "fastify";
import { cleanTextInput } from "./text-input.js";
import { tooLarge } from "../services/size-limit.js";
import { UploadMeter } from "./upload-meter.js";
import { TempFiles } from "./upload-temp.js";

/** A file part of a request, streamed to a temporary file (removed when the request ends). */
export type UploadedFile = {
  field: string;
  fileName: string;
  path: string;
  size: number;
  sha256: string;
};

export type Upload = { fields: Record<string, string>; files: UploadedFile[] };

export type UploadLimits = {
  /** the data folder: temporary files go to `<dataDir>/tmp` */
  dataDir: string;
  /** each file (the multipart plugin's `fileSize` limit is the same figure) */
  maxFileBytes: number;
  /** all parts together, counted as they arrive (so a chunked body is capped too) */
  maxTotalBytes: number;
  /** called with each file's first bytes as soon as they arrive (to refuse a wrong type early) */
  checkStart?: (fileName: string, head: Buffer) => void;
};

/**
 * Reads a multipart/form-data request after the caller has checked role and scope: the declared
 * length is checked first, text fields are kept, each file is streamed to a temporary file
 * (0600, `<dataDir>/tmp`) while its size, the request's running total and its type are checked.
 * `use` gets the fields and files; every temporary file is removed when it returns or throws,
 * and at the first refusal, so a failing request leaves nothing behind.
 */
export async function withUpload<T>(
  request: FastifyRequest,
  limits: UploadLimits,
  use: (upload: Upload) => Promise<T>,
): Promise<T> {
  capRequest(request, limits.maxTotalBytes);
  const temp = new TempFiles(limits.dataDir);
  await temp.prepare();
  try {
    return await use(await readParts(request, limits, temp));
  } catch (error) {
    // the rest of a refused body is read and dropped, so that the answer reaches the client
    request.raw.unpipe();
    request.raw.resume();
    throw error;
  } finally {
    await temp.removeAll();
  }
}

async function readParts(
  request: FastifyRequest,
  limits: UploadLimits,
  temp: TempFiles,
): Promise<Upload> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const total = { bytes: 0 };
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        // past the size limit the parser drops the rest of the file: stop at once instead
        part.file.once("limit", () =>
          part.file.destroy(tooLarge(`Tệp "${part.filename}"`, limits.maxFileBytes)),
        );
        // piped before anything is awaited: the parser may end the part (or fail it, on a body
        // cut short) as soon as the rest of the request arrives, and a missed event hangs
        const meter = new UploadMeter(part.filename, total, limits);
        const target = temp.create();
        // a body cut short inside this part: the parser has already failed (destroyed) its stream,
        // and a pipe from a destroyed stream would wait for ever
        if (part.file.destroyed) throw new DomainError("bad_request", CUT_SHORT);
        await temp.write(part.file, meter, target);
        if (part.file.truncated) throw tooLarge(`Tệp "${part.filename}"`, limits.maxFileBytes);
        meter.finish();
        files.push({
          field: part.fieldname,
          fileName: part.filename,
          path: target,
          size: meter.size,
          sha256: meter.sha256(),
        });
      } else {
        const value = String(part.value);
        total.bytes += Buffer.byteLength(value);
        if (total.bytes > limits.maxTotalBytes)
          throw tooLarge("Tổng dung lượng gửi lên", limits.maxTotalBytes);
        fields[part.fieldname] = value;
      }
    }
  } catch (error) {
    // Our refusals (size, type) and a size limit stay as they are; anything else the parser
    // meets (no boundary, a body cut short) is the client's malformed request, not a server error.
    if (error instanceof DomainError || (error as { statusCode?: number }).statusCode === 413)
      throw error;
    throw new DomainError("bad_request", CUT_SHORT);
  }
  return { fields, files };
}

const CUT_SHORT = "Nội dung multipart/form-data không hợp lệ (thiếu boundary hoặc bị cắt ngang).";

/**
 * Refuses (413) a request whose declared length exceeds `maxBytes`, before any part is read:
 * the per-file limit alone let 20 files of almost the limit each be buffered.
 */
export function capRequest(request: FastifyRequest, maxBytes: number): void {
  const length = Number(request.headers["content-length"] ?? 0);
  if (length > maxBytes) throw tooLarge("Tổng dung lượng gửi lên", maxBytes);
}

/** The JSON object in the `data` field of a multipart request. */
export function jsonField(fields: Record<string, string>, name = "data"): unknown {
  const text = fields[name];
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError(`Trường "${name}" phải là JSON hợp lệ.`);
  }
  return cleanTextInput(parsed);
}
