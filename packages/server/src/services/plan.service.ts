import { NotFoundError, trackedFromDefault } from "@giamsat/core";
import {
  getPlan,
  listAppendices,
  listPlans,
  listTaskGroups,
  recordAudit,
  setPlanTrackedFrom,
} from "@giamsat/db";
import { calendarsByPlan, type PlanCalendar } from "./calendar.service.js";
import type { Ctx } from "./context.js";
import { requireRole, type Actor } from "./actor.js";
import { visibleTasks } from "./task-access.js";
import { nowIso } from "./context.js";

export type PlanView = {
  id: number;
  kind: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  draft: boolean;
  ownerOrgId: number | null;
  ownerOrgName: string | null;
  taskCount: number;
  sourceName: string;
  importedAt: string;
  /** the day report timeliness is counted from (the import day unless set) */
  trackedFrom: string;
  /** whether the monitoring department set trackedFrom (false: the import day) */
  trackedFromSet: boolean;
  /** since when the plan is on the public pages (null: not published) */
  publishedAt: string | null;
  calendar: PlanCalendar;
};

/** Every plan; its task count is that of the actor's task list (its units, confidentiality). */
export async function listPlansView(ctx: Ctx, actor: Actor): Promise<PlanView[]> {
  const plans = await listPlans(ctx.db, visibleTasks(actor));
  const calendars = await calendarsByPlan(
    ctx,
    plans.map((p) => p.id),
  );
  return plans.map((p) => ({
    id: p.id,
    kind: p.kind,
    number: p.number,
    date: p.date,
    issuer: p.issuer,
    title: p.title,
    draft: p.draft === 1,
    ownerOrgId: p.owner_org_id,
    ownerOrgName: p.owner_org_name,
    taskCount: p.task_count,
    sourceName: p.source_name,
    importedAt: p.imported_at,
    trackedFrom: p.tracked_from ?? trackedFromDefault(p.imported_at),
    trackedFromSet: p.tracked_from !== null,
    publishedAt: p.published_at,
    calendar: calendars.get(p.id)!,
  }));
}

/** One plan with its appendices, each with its groups, and the import warnings. */
export async function planDetail(ctx: Ctx, actor: Actor, id: number) {
  const plan = await getPlan(ctx.db, id);
  if (!plan) throw new NotFoundError(`Không tìm thấy kế hoạch số hiệu ${id}.`);
  const summary = (await listPlansView(ctx, actor)).find((p) => p.id === id)!;
  const appendices = await listAppendices(ctx.db, id);
  const groups = await listTaskGroups(
    ctx.db,
    appendices.map((a) => a.id),
  );
  return {
    ...summary,
    warnings: JSON.parse(plan.warnings) as { line: number | null; code: string; message: string }[],
    appendices: appendices.map((a) => ({
      id: a.id,
      ordinal: a.ordinal,
      title: a.title,
      kind: a.kind,
      columns: JSON.parse(a.columns) as string[],
      groups: groups
        .filter((g) => g.appendix_id === a.id)
        .map((g) => ({
          id: g.id,
          path: JSON.parse(g.path) as string[],
          number: g.number,
          title: g.title,
          role: g.role,
        })),
    })),
  };
}

/**
 * The monitoring department sets the day a plan is tracked from (null: back to its import day);
 * report timeliness on task pages and scorecards counts from it. Audited.
 */
export async function setTrackedFrom(
  ctx: Ctx,
  actor: Actor,
  planId: number,
  input: { trackedFrom: string | null; reason?: string | undefined },
): Promise<PlanView> {
  requireRole(actor, "monitor");
  const plan = await getPlan(ctx.db, planId);
  if (!plan) throw new NotFoundError(`Không tìm thấy kế hoạch số hiệu ${planId}.`);
  await ctx.db.transaction().execute(async (trx) => {
    await setPlanTrackedFrom(trx, planId, input.trackedFrom, nowIso(ctx));
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "plan.tracked_from",
      entity: "plan",
      entityId: planId,
      before: { trackedFrom: plan.tracked_from },
      after: { trackedFrom: input.trackedFrom },
      reason: input.reason || null,
    });
  });
  return (await listPlansView(ctx, actor)).find((p) => p.id === planId)!;
}
