import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@giamsat/core";
import {
  amendTask,
  countChangeRequests,
  existingOrganisationIds,
  findChangeRequest,
  findResubmission,
  insertChangeRequest,
  isUniqueViolation,
  listChangeRequests,
  recordAudit,
  recordTaskChange,
  taskSnapshot,
  updateChangeRequest,
  type Database,
  type TaskAmendment,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import { isUnitRole, requireRole, type Actor } from "./actor.js";
import type { ChangeRequestInput, DecisionInput } from "./change-request.schemas.js";
import { changeRequestView, type ChangeRequestView } from "./change-request.view.js";
import { deliverInAppNow, queueChangeDecided } from "../notifications/events.js";
import { nowIso, type Ctx } from "./context.js";
import { loadTaskScope, visibleTasks } from "./task-access.js";
import { queueChangeSignoffRequested } from "../signoff/change-signoff.service.js";
import { needsSignoff } from "../signoff/signoff.service.js";

/** A unit proposes to extend a deadline, reassign, change the output or cancel a task. */
export async function proposeChange(
  ctx: Ctx,
  actor: Actor,
  taskId: number,
  input: ChangeRequestInput,
): Promise<ChangeRequestView> {
  if (!isUnitRole(actor.role))
    throw new ForbiddenError("Chỉ đơn vị được giao nhiệm vụ mới đề xuất điều chỉnh.");
  const task = await loadTaskScope(ctx, actor, taskId);
  if (task.cancelled_at || task.removed_at)
    throw new ConflictError("Nhiệm vụ đã bị huỷ hoặc đưa ra khỏi kế hoạch.");
  if (input.kind === "reassign") {
    const found = await existingOrganisationIds(ctx.db, input.leadOrgIds);
    if (found.size !== new Set(input.leadOrgIds).size) {
      throw new ValidationError("leadOrgIds: có đơn vị không tồn tại trong danh mục.");
    }
  }
  const { kind, reason, resubmits, ...payload } = input;
  const units = new Set(actor.units ?? []);
  const orgId = task.unitIds.find((u) => units.has(u)) ?? actor.orgId;
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (resubmits !== undefined) await checkResubmission(trx, actor, taskId, resubmits);
      const waits = await needsSignoff(trx, actor, orgId);
      const crId = await insertChangeRequest(trx, {
        task_id: taskId,
        kind,
        payload: JSON.stringify(payload),
        reason,
        proposed_by: actor.userId,
        proposed_at: nowIso(ctx),
        status: waits ? "awaiting_signoff" : "proposed",
        org_id: orgId,
        resubmits_id: resubmits ?? null,
      });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: "change_request.propose",
        entity: "change_request",
        entityId: crId,
        after: {
          taskId,
          kind,
          payload,
          reason,
          status: waits ? "awaiting_signoff" : "proposed",
          ...(resubmits !== undefined ? { resubmits } : {}),
        },
      });
      if (waits && orgId !== null)
        await queueChangeSignoffRequested(ctx, trx, crId, orgId, actor.displayName);
      return crId;
    })
    .catch((error: unknown) => {
      // two sends of one returned request raced past the check: the database kept one
      if (resubmits !== undefined && isUniqueViolation(error))
        throw new ConflictError(`Đề xuất số ${resubmits} đã được gửi lại.`);
      throw error;
    });
  await deliverInAppNow(ctx);
  return changeRequestView((await findChangeRequest(ctx.db, id))!);
}

/**
 * A returned (by the unit head) or rejected (by the leader) request is sent again, once, as a new
 * request on the same task by its own unit: another unit's is refused (403), one still pending,
 * approved or already sent again is refused (409).
 */
async function checkResubmission(
  db: Kysely<Database>,
  actor: Actor,
  taskId: number,
  previousId: number,
): Promise<void> {
  const previous = await findChangeRequest(db, previousId);
  if (!previous || previous.task_id !== taskId)
    throw new NotFoundError(`Nhiệm vụ không có đề xuất điều chỉnh số ${previousId} để gửi lại.`);
  const own =
    previous.org_id !== null
      ? (actor.units ?? []).includes(previous.org_id)
      : previous.proposed_by === actor.userId;
  if (!own) throw new ForbiddenError(`Đề xuất số ${previousId} là của đơn vị khác.`);
  if (previous.status !== "returned" && previous.status !== "rejected")
    throw new ConflictError(
      `Đề xuất số ${previousId} chưa bị trả lại hay không được chấp thuận: không gửi lại được.`,
    );
  const again = await findResubmission(db, previousId);
  if (again)
    throw new ConflictError(`Đề xuất số ${previousId} đã được gửi lại (đề xuất số ${again.id}).`);
}

/**
 * A leader approves (the task changes; its previous state is kept as a version) or rejects a
 * change request, in one transaction with the audit event.
 */
export async function decideChange(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: DecisionInput,
): Promise<ChangeRequestView> {
  requireRole(actor, "leader");
  await ctx.db.transaction().execute(async (trx) => {
    const cr = await findChangeRequest(trx, id);
    if (!cr) throw new NotFoundError(`Không tìm thấy đề xuất điều chỉnh số hiệu ${id}.`);
    if (cr.status === "awaiting_signoff")
      throw new ConflictError(`Đề xuất số ${id} đang chờ lãnh đạo đơn vị ký duyệt.`);
    if (cr.status !== "proposed")
      throw new ConflictError("Đề xuất này đã được quyết định trước đó.");
    const at = nowIso(ctx);
    const approved = input.decision === "approve";
    const before = await taskSnapshot(trx, cr.task_id);
    if (approved) {
      const change = { kind: cr.kind, ...JSON.parse(cr.payload) } as TaskAmendment;
      await amendTask(trx, cr.task_id, change, at);
      await recordTaskChange(trx, {
        taskId: cr.task_id,
        before,
        after: await taskSnapshot(trx, cr.task_id),
        reason: `Điều chỉnh theo đề xuất #${cr.id}: ${cr.reason}`,
        actorId: actor.userId,
        action: `task.${cr.kind}`,
        at,
      });
    }
    await updateChangeRequest(trx, id, {
      status: approved ? "approved" : "rejected",
      decided_by: actor.userId,
      decided_at: at,
      decision_comment: input.comment || null,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `change_request.${input.decision}`,
      entity: "change_request",
      entityId: id,
      before: { status: cr.status },
      after: { status: approved ? "approved" : "rejected" },
      reason: input.comment ?? null,
    });
    await queueChangeDecided(ctx, trx, id, approved, input.comment || null);
  });
  await deliverInAppNow(ctx);
  return changeRequestView((await findChangeRequest(ctx.db, id))!);
}

/**
 * Change requests the actor may see (a unit: those on its tasks), oldest first, a page of them
 * with the total; those waiting for sign-off, for a unit: only its own units' (the ones its head
 * signs off).
 */
export async function listChangeRequestsFor(
  ctx: Ctx,
  actor: Actor,
  q: { status?: ChangeRequestView["status"]; task?: number; limit: number; offset: number },
): Promise<{ items: ChangeRequestView[]; total: number }> {
  if (q.task !== undefined) await loadTaskScope(ctx, actor, q.task);
  const filter = {
    ...(q.status ? { status: q.status } : {}),
    ...(q.status === "awaiting_signoff" && actor.units ? { proposerOrgIds: actor.units } : {}),
    ...(q.task !== undefined ? { taskId: q.task } : {}),
    ...visibleTasks(actor),
  };
  const [rows, total] = await Promise.all([
    listChangeRequests(ctx.db, filter, { limit: q.limit, offset: q.offset }),
    countChangeRequests(ctx.db, filter),
  ]);
  return { items: rows.map(changeRequestView), total };
}
