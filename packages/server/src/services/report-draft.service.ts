/**
 * Report drafts: the report form saves what the user types on the server, so
 * it survives an expired session, a closed tab or another computer. A draft is personal (one per
 * user and task), only for tasks the user may report on, and dropped when the report is sent.
 * Drafts are scratch, not records: saving one is not an audit event (the report sent is).
 */
import { ForbiddenError } from "@giamsat/core";
import { deleteReportDraft, findReportDraft, saveReportDraft } from "@giamsat/db";
import { isUnitRole, type Actor } from "./actor.js";
import { nowIso, type Ctx } from "./context.js";
import type { ReportDraftInput } from "./report.schemas.js";
import { loadTaskScope } from "./task-access.js";

export type ReportDraftView = { data: ReportDraftInput; updatedAt: string } | null;

async function checkMayReport(ctx: Ctx, actor: Actor, taskId: number): Promise<void> {
  if (!isUnitRole(actor.role))
    throw new ForbiddenError("Chỉ đơn vị được giao nhiệm vụ mới soạn báo cáo.");
  await loadTaskScope(ctx, actor, taskId);
}

export async function getReportDraft(
  ctx: Ctx,
  actor: Actor,
  taskId: number,
): Promise<{ draft: ReportDraftView }> {
  await checkMayReport(ctx, actor, taskId);
  const row = await findReportDraft(ctx.db, actor.userId, taskId);
  return {
    draft: row
      ? { data: JSON.parse(row.data) as ReportDraftInput, updatedAt: row.updated_at }
      : null,
  };
}

export async function putReportDraft(
  ctx: Ctx,
  actor: Actor,
  taskId: number,
  data: ReportDraftInput,
): Promise<{ draft: ReportDraftView }> {
  await checkMayReport(ctx, actor, taskId);
  const at = nowIso(ctx);
  await saveReportDraft(ctx.db, actor.userId, taskId, JSON.stringify(data), at);
  return { draft: { data, updatedAt: at } };
}

export async function discardReportDraft(
  ctx: Ctx,
  actor: Actor,
  taskId: number,
): Promise<{ draft: null }> {
  await checkMayReport(ctx, actor, taskId);
  await deleteReportDraft(ctx.db, actor.userId, taskId);
  return { draft: null };
}
