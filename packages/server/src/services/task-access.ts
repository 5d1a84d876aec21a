import { ForbiddenError, NotFoundError } from "@giamsat/core";
import { getTask, type TaskDetail, type TaskFilter } from "@giamsat/db";
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

export type TaskScope = {
  id: number;
  plan_id: number;
  kind: "time-bound" | "recurring";
  confidential: number;
  cancelled_at: string | null;
  removed_at: string | null;
  unitIds: number[];
};

/** The same checks as loadVisibleTask on the task row and its units (one query, for writes). */
export async function loadTaskScope(ctx: Ctx, actor: Actor, id: number): Promise<TaskScope> {
  const rows = await ctx.db
    .selectFrom("tasks")
    .leftJoin("task_orgs", "task_orgs.task_id", "tasks.id")
    .select([
      "tasks.id",
      "tasks.plan_id",
      "tasks.kind",
      "tasks.confidential",
      "tasks.cancelled_at",
      "tasks.removed_at",
      "task_orgs.org_id",
    ])
    .where("tasks.id", "=", id)
    .orderBy("task_orgs.role")
    .orderBy("task_orgs.ordinal")
    .execute();
  const [first] = rows;
  if (!first) throw new NotFoundError(`Không tìm thấy nhiệm vụ số hiệu ${id}.`);
  const { org_id: _org, ...task } = first;
  const unitIds = rows.flatMap((o) => (o.org_id === null ? [] : [o.org_id]));
  if (!inScope(actor, unitIds))
    throw new ForbiddenError("Nhiệm vụ này không thuộc đơn vị của bạn.");
  if (task.confidential === 1 && !canSeeConfidential(actor)) {
    throw new ForbiddenError("Nhiệm vụ mật: bạn không có quyền xem.");
  }
  return { ...task, unitIds };
}
