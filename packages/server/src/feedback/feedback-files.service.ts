import { FEEDBACK_MAX_FILES, NotFoundError, ValidationError } from "@giamsat/core";
import { feedbackFileById, type NewFeedbackFile } from "@giamsat/db";
import { evidenceStoreOf } from "../evidence-store/evidence-store.js";
import type { UploadedFile } from "../http/multipart.js";
import type { Ctx } from "../services/context.js";
import {
  checkEvidenceFile,
  releaseEvidence,
  storeEvidenceFile,
  type StoredFile,
} from "../services/evidence.store.js";

/**
 * Checks every attachment the way evidence is checked (type by extension and first bytes, size)
 * before storing any, moves them into the evidence store and runs `save` with the rows to
 * insert; when `save` fails, the files this request created are removed again.
 */
export async function withFeedbackFiles<T>(
  ctx: Ctx,
  files: readonly UploadedFile[],
  save: (rows: NewFeedbackFile[]) => Promise<T>,
): Promise<T> {
  if (files.length > FEEDBACK_MAX_FILES)
    throw new ValidationError(
      `Chỉ được đính kèm tối đa ${FEEDBACK_MAX_FILES} tệp (đã chọn ${files.length} tệp).`,
    );
  const mimes: string[] = [];
  for (const f of files) mimes.push(await checkEvidenceFile(f, ctx.config.uploadMaxBytes));
  const stored: StoredFile[] = [];
  let saved = false;
  try {
    for (const [i, f] of files.entries()) stored.push(await storeEvidenceFile(ctx, f, mimes[i]!));
    const result = await save(
      stored.map((s) => ({
        file_name: s.fileName,
        mime: s.mime,
        size: s.size,
        sha256: s.sha256,
        storage_path: s.storagePath,
      })),
    );
    saved = true;
    return result;
  } finally {
    await releaseEvidence(ctx, stored, saved);
  }
}

/** An attachment of submission `feedbackId` (already checked readable by the actor). */
export async function openFeedbackFile(ctx: Ctx, feedbackId: number, fileId: number) {
  const file = await feedbackFileById(ctx.db, fileId);
  if (!file || file.feedback_id !== feedbackId)
    throw new NotFoundError(`Không tìm thấy tệp đính kèm số ${fileId} của góp ý này.`);
  return {
    fileName: file.file_name,
    mime: file.mime,
    size: file.size,
    stream: await evidenceStoreOf(ctx).get(file.storage_path),
  };
}
