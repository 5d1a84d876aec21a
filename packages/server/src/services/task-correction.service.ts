/**
 * The monitoring department corrects a task after import: the fields given
 * replace the stored ones, in one transaction with the task's new version (author, time,
 * reason, each changed field before and after) and the audit event. Status, lists and
 * dashboards read the corrected row, so they follow at once.
 */
import {
  ConflictError,
  correctionChanges,
  formatDeadline,
  ValidationError,
  type CorrectableFacts,
} from "@giamsat/core";
import {
  correctTask,
  existingOrganisationIds,
  getTask,
  recordTaskChange,
  taskSnapshot,
  type Database,
  type TaskDetail,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import { requireRole, type Actor } from "./actor.js";
import { nowIso, type Ctx } from "./context.js";
import { loadTaskScope } from "./task-access.js";
import type { TaskCorrectionInput, TaskCorrectionView } from "./task-correction.schemas.js";
import { deadlineOf } from "./task.view.js";

type Db = Kysely<Database>;

const names = (t: TaskDetail, role: "lead" | "coordinator") =>
  t.orgs.filter((o) => o.role === role).map((o) => o.name);
const orgIdsOf = (t: TaskDetail, role: "lead" | "coordinator") =>
  t.orgs.filter((o) => o.role === role && o.org_id !== null).map((o) => o.org_id as number);

function factsOf(t: TaskDetail): CorrectableFacts {
  return {
    name: t.name,
    lead: names(t, "lead"),
    coordinators: names(t, "coordinator"),
    deadline: formatDeadline(deadlineOf(t)),
    output: t.output,
    confidential: t.confidential === 1,
  };
}

/** 400 when the correction cannot apply to this task (checked before anything is written). */
async function checkCorrection(db: Db, task: TaskDetail, input: TaskCorrectionInput) {
  if (input.dueDate !== undefined && task.kind === "recurring")
    throw new ValidationError(
      "dueDate: nhiệm vụ thường xuyên không có hạn hoàn thành; không thể đặt thời hạn.",
    );
  const given = [...(input.leadOrgIds ?? []), ...(input.coordinatorOrgIds ?? [])];
  const found = await existingOrganisationIds(db, given);
  if (given.some((id) => !found.has(id)))
    throw new ValidationError("leadOrgIds/coordinatorOrgIds: có đơn vị không có trong danh mục.");
  const lead = new Set(input.leadOrgIds ?? orgIdsOf(task, "lead"));
  const both = (input.coordinatorOrgIds ?? orgIdsOf(task, "coordinator")).filter((id) =>
    lead.has(id),
  );
  if (both.length)
    throw new ValidationError(
      "coordinatorOrgIds: một đơn vị không thể vừa chủ trì vừa phối hợp cùng nhiệm vụ.",
    );
}

export async function correctTaskFor(
  ctx: Ctx,
  actor: Actor,
  taskId: number,
  input: TaskCorrectionInput,
): Promise<TaskCorrectionView> {
  requireRole(actor, "monitor");
  const scope = await loadTaskScope(ctx, actor, taskId);
  if (scope.cancelled_at || scope.removed_at)
    throw new ConflictError("Nhiệm vụ đã bị huỷ hoặc đưa ra khỏi kế hoạch; không hiệu chỉnh được.");
  const { reason, output, ...fields } = input;
  const correction = { ...fields, ...(output !== undefined ? { output: output || null } : {}) };
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await getTask(trx, taskId, { includeConfidential: true })) as TaskDetail;
    await checkCorrection(trx, before, input);
    const snapshot = await taskSnapshot(trx, taskId);
    const at = nowIso(ctx);
    await correctTask(trx, taskId, correction, at);
    const after = (await getTask(trx, taskId, { includeConfidential: true })) as TaskDetail;
    const changes = correctionChanges(factsOf(before), factsOf(after));
    if (changes.length === 0)
      throw new ValidationError(
        "Không có trường nào khác với nhiệm vụ hiện tại; không có gì để lưu.",
      );
    const version = await recordTaskChange(trx, {
      taskId,
      before: snapshot,
      after: await taskSnapshot(trx, taskId),
      changes,
      auditBefore: Object.fromEntries(changes.map((c) => [c.field, c.before])),
      auditAfter: Object.fromEntries(changes.map((c) => [c.field, c.after])),
      reason: `Hiệu chỉnh: ${reason}`,
      actorId: actor.userId,
      action: "task.correct",
      at,
    });
    return { taskId, version, changes };
  });
}
