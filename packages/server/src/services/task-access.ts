import { ForbiddenError, NotFoundError } from "@giamsat/core";
import {
  findTaskScope,
  getTask,
  type TaskDetail,
  type TaskFilter,
  type TaskScopeRow,
} from "@giamsat/db";
import { canSeeConfidential, inScope, type Actor } from "./actor.js";
import type { Ctx } from "./context.js";

/** The part of every task query that limits it to what the actor may see. */
export function visibleTasks(actor: Actor): Pick<TaskFilter, "orgIds" | "includeConfidential"> {
  return {
    ...(actor.units ? { orgIds: actor.units } : {}),
    includeConfidential: canSeeConfidential(actor),
  };
}

/** A task the actor may see: 404 when absent, 403 when outside its units or confidential. */
export async function loadVisibleTask(ctx: Ctx, actor: Actor, id: number): Promise<TaskDetail> {
  await loadTaskScope(ctx, actor, id);
  return (await getTask(ctx.db, id, visibleTasks(actor))) as TaskDetail;
}

export type TaskScope = TaskScopeRow;

/** The same checks as loadVisibleTask on the task row and its units (one query, for writes). */
export async function loadTaskScope(ctx: Ctx, actor: Actor, id: number): Promise<TaskScope> {
  return checkTaskScope(actor, id, await findTaskScope(ctx.db, id));
}

/** loadTaskScope's checks on a task read with more than its scope. */
export function checkTaskScope<T extends TaskScope>(actor: Actor, id: number, task?: T): T {
  if (!task) throw new NotFoundError(`Không tìm thấy nhiệm vụ số hiệu ${id}.`);
  if (!inScope(actor, task.unitIds))
    throw new ForbiddenError("Nhiệm vụ này không thuộc đơn vị của bạn.");
  if (task.confidential === 1 && !canSeeConfidential(actor)) {
    throw new ForbiddenError("Nhiệm vụ mật: bạn không có quyền xem.");
  }
  return task;
}
