import { DomainError, ValidationError } from "@giamsat/core";
import type { FastifyRequest } from "fastify";
import { cleanTextInput } from "./text-input.js";

export type UploadedFile = { field: string; fileName: string; content: Buffer };

/**
 * Reads a multipart/form-data request whole: text fields and files (each file buffered; the
 * size limit of @fastify/multipart turns an oversized file into 413).
 */
export async function readMultipart(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        const content = await part.toBuffer();
        files.push({ field: part.fieldname, fileName: part.filename, content });
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    // A size limit stays a 413; anything else the parser meets (no boundary, a body cut short)
    // is the client's malformed request, not a server error.
    if ((error as { statusCode?: number }).statusCode === 413) throw error;
    throw new DomainError(
      "bad_request",
      "Nội dung multipart/form-data không hợp lệ (thiếu boundary hoặc bị cắt ngang).",
    );
  }
  return { fields, files };
}

/**
 * Refuses (413) a request whose declared length exceeds `maxBytes`, before any part is read:
 * the per-file limit alone let 20 files of almost the limit each be buffered.
 */
export function capRequest(request: FastifyRequest, maxBytes: number): void {
  const length = Number(request.headers["content-length"] ?? 0);
  if (length > maxBytes) {
    throw new DomainError(
      "payload_too_large",
      `Tổng dung lượng gửi lên vượt quá ${Math.floor(maxBytes / 1024 / 1024) || 1} MB cho phép.`,
    );
  }
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
