import {
  ConflictError,
  ForbiddenError,
  formatDate,
  NotFoundError,
  ValidationError,
} from "@giamsat/core";
import {
  findChangeRequest,
  insertChangeRequest,
  listChangeRequests,
  recordAudit,
  recordTaskChange,
  updateChangeRequest,
  type Database,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import { isUnitRole, requireRole, type Actor } from "./actor.js";
import type { ChangeRequestInput, DecisionInput } from "./change-request.schemas.js";
import { changeRequestView, type ChangeRequestView } from "./change-request.view.js";
import { nowIso, type Ctx } from "./context.js";
import { loadTaskScope } from "./task-access.js";

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
    const found = await ctx.db
      .selectFrom("organisations")
      .select("id")
      .where("id", "in", input.leadOrgIds)
      .execute();
    if (found.length !== new Set(input.leadOrgIds).size) {
      throw new ValidationError("leadOrgIds: có đơn vị không tồn tại trong danh mục.");
    }
  }
  const { kind, reason, ...payload } = input;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const crId = await insertChangeRequest(trx, {
      task_id: taskId,
      kind,
      payload: JSON.stringify(payload),
      reason,
      proposed_by: actor.userId,
      proposed_at: nowIso(),
      status: "proposed",
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "change_request.propose",
      entity: "change_request",
      entityId: crId,
      after: { taskId, kind, payload, reason },
    });
    return crId;
  });
  return changeRequestView((await findChangeRequest(ctx.db, id))!);
}

async function snapshot(db: Kysely<Database>, taskId: number) {
  const task = await db
    .selectFrom("tasks")
    .selectAll()
    .where("id", "=", taskId)
    .executeTakeFirstOrThrow();
  const orgs = await db
    .selectFrom("task_orgs")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("id")
    .execute();
  return { task, orgs };
}

async function applyChange(
  db: Kysely<Database>,
  taskId: number,
  kind: string,
  payload: Record<string, unknown>,
  at: string,
) {
  const base = db.updateTable("tasks").where("id", "=", taskId);
  if (kind === "extend_deadline") {
    const due = String(payload.dueDate);
    await base
      .set({
        due_date: due,
        deadline_kind: "date",
        deadline_raw:
          typeof payload.deadlineRaw === "string" ? payload.deadlineRaw : formatDate(due),
        deadline_note: null,
      })
      .execute();
  } else if (kind === "change_output") {
    await base.set({ output: String(payload.output) }).execute();
  } else if (kind === "cancel") {
    await base.set({ cancelled_at: at }).execute();
  } else if (kind === "reassign") {
    const ids = payload.leadOrgIds as number[];
    const orgs = await db
      .selectFrom("organisations")
      .select(["id", "name", "kind"])
      .where("id", "in", ids)
      .execute();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    await db
      .deleteFrom("task_orgs")
      .where("task_id", "=", taskId)
      .where("role", "=", "lead")
      .execute();
    await db
      .insertInto("task_orgs")
      .values(
        ids.map((orgId, i) => {
          const o = byId.get(orgId)!;
          return {
            task_id: taskId,
            role: "lead" as const,
            ordinal: i,
            org_id: orgId,
            raw: o.name,
            name: o.name,
            kind: o.kind,
            scope: null,
            resolved: 1,
          };
        }),
      )
      .execute();
    await base.set({ lead_org_id: ids[0] ?? null }).execute();
  }
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
    if (cr.status !== "proposed")
      throw new ConflictError("Đề xuất này đã được quyết định trước đó.");
    const at = nowIso();
    const approved = input.decision === "approve";
    const before = await snapshot(trx, cr.task_id);
    if (approved) {
      await applyChange(
        trx,
        cr.task_id,
        cr.kind,
        JSON.parse(cr.payload) as Record<string, unknown>,
        at,
      );
      await recordTaskChange(trx, {
        taskId: cr.task_id,
        before,
        after: await snapshot(trx, cr.task_id),
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
  });
  return changeRequestView((await findChangeRequest(ctx.db, id))!);
}

/** Change requests the actor may see (a unit: those on its tasks), oldest first. */
export async function listChangeRequestsFor(
  ctx: Ctx,
  actor: Actor,
  q: { status?: "proposed" | "approved" | "rejected"; task?: number },
): Promise<ChangeRequestView[]> {
  if (q.task !== undefined) await loadTaskScope(ctx, actor, q.task);
  const rows = await listChangeRequests(ctx.db, {
    ...(q.status ? { status: q.status } : {}),
    ...(q.task !== undefined ? { taskId: q.task } : {}),
  });
  if (actor.units === null || rows.length === 0) return rows.map(changeRequestView);
  const units = actor.units.length ? actor.units : [-1];
  const mine = await ctx.db
    .selectFrom("task_orgs")
    .select("task_id")
    .where("task_id", "in", [...new Set(rows.map((r) => r.task_id))])
    .where("org_id", "in", units)
    .execute();
  const visible = new Set(mine.map((m) => m.task_id));
  return rows.filter((r) => visible.has(r.task_id)).map(changeRequestView);
}
