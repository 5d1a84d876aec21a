import { NotFoundError } from "@giamsat/core";
import { findEvidence } from "@giamsat/db";
import { evidenceStoreOf } from "../evidence-store/evidence-store.js";
import type { Actor } from "./actor.js";
import type { Ctx } from "./context.js";
import { loadTaskScope } from "./task-access.js";

/** An evidence file the actor may read (its report's task must be visible to it). */
export async function openEvidence(ctx: Ctx, actor: Actor, id: number) {
  const evidence = await findEvidence(ctx.db, id);
  if (!evidence) throw new NotFoundError(`Không tìm thấy minh chứng số hiệu ${id}.`);
  await loadTaskScope(ctx, actor, evidence.task_id);
  if (evidence.kind !== "file" || !evidence.storage_path) {
    throw new NotFoundError("Minh chứng này là văn bản hoặc liên kết, không có tệp để tải.");
  }
  return {
    fileName: evidence.file_name ?? "minh-chung",
    mime: evidence.mime ?? "application/octet-stream",
    size: evidence.size,
    stream: await evidenceStoreOf(ctx).get(evidence.storage_path),
  };
}
