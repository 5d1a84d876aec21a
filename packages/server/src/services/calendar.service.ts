import {
  checkCalendar,
  DEFAULT_CALENDAR,
  NotFoundError,
  type ReportingCalendar,
} from "@giamsat/core";
import { findCalendar, listCalendars, recordAudit, saveCalendar, getPlan } from "@giamsat/db";
import { requireRole, type Actor } from "./actor.js";
import type { Ctx } from "./context.js";
import { refreshPlanIndicatorEvaluations } from "./indicator-evaluation.service.js";

export type PlanCalendar = ReportingCalendar & { planId: number; explicit: boolean };

export async function calendarOf(ctx: Ctx, planId: number): Promise<PlanCalendar> {
  const row = await findCalendar(ctx.db, planId);
  return planCalendar(planId, row ? { frequency: row.frequency, dueDay: row.due_day } : null);
}

/** A plan's calendar from its own (null: the default one). */
export function planCalendar(planId: number, own: ReportingCalendar | null): PlanCalendar {
  return own
    ? { ...own, planId, explicit: true }
    : { ...DEFAULT_CALENDAR, planId, explicit: false };
}

/** Every plan's calendar (explicit or default), for a set of plan ids. */
export async function calendarsByPlan(
  ctx: Ctx,
  planIds: readonly number[],
): Promise<Map<number, PlanCalendar>> {
  const explicit = new Map((await listCalendars(ctx.db)).map((c) => [c.plan_id, c]));
  return new Map(
    planIds.map((planId) => {
      const row = explicit.get(planId);
      return [
        planId,
        planCalendar(planId, row ? { frequency: row.frequency, dueDay: row.due_day } : null),
      ];
    }),
  );
}

/** Sets a plan's calendar (admin or monitoring department), audited. */
export async function setCalendar(
  ctx: Ctx,
  actor: Actor,
  planId: number,
  cal: ReportingCalendar,
): Promise<PlanCalendar> {
  requireRole(actor, "admin", "monitor");
  checkCalendar(cal);
  const plan = await getPlan(ctx.db, planId);
  if (!plan) throw new NotFoundError(`Không tìm thấy kế hoạch số hiệu ${planId}.`);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findCalendar(trx, planId);
    await saveCalendar(trx, { plan_id: planId, frequency: cal.frequency, due_day: cal.dueDay });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "calendar.set",
      entity: "plan",
      entityId: planId,
      before: before ?? null,
      after: { frequency: cal.frequency, dueDay: cal.dueDay },
    });
    await refreshPlanIndicatorEvaluations({ ...ctx, db: trx }, planId);
  });
  return { ...cal, planId, explicit: true };
}
