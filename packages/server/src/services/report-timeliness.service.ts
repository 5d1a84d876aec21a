/**
 * Periods due and reported on time per lead unit, for the recurring tasks matching a filter
 * (core's report-timeliness rule, the one the task page applies to each task). Nationally it
 * sums the counts kept on every write (db migration 0028); a narrower filter (plan, unit,
 * leader, appendix, a unit user's scope) reads its tasks and their accepted reports.
 */
import {
  type ComplianceTally,
  DEFAULT_CALENDAR,
  unitReportTimeliness,
  unitTimelinessFromKept,
} from "@giamsat/core";
import {
  firstAcceptedReceipts,
  keptCalendarGroups,
  keptOnTimeTallies,
  keptTimelinessAnswers,
  recurringTasksByPlanAndUnit,
  type TaskFilter,
  type TimelinessRow,
} from "@giamsat/db";
import { calendarsByPlan } from "./calendar.service.js";
import type { Ctx } from "./context.js";

export async function reportTimeliness(
  ctx: Ctx,
  filter: TaskFilter,
  asOf: string,
): Promise<Map<number, ComplianceTally>> {
  return keptTimelinessAnswers(filter)
    ? keptReportTimeliness(ctx, filter, asOf)
    : countedReportTimeliness(ctx, filter, asOf);
}

/** From the kept counts: a few rows per unit, however many tasks and reports there are. */
export async function keptReportTimeliness(
  ctx: Ctx,
  filter: TaskFilter,
  asOf: string,
): Promise<Map<number, ComplianceTally>> {
  const [groups, tallies] = await Promise.all([
    keptCalendarGroups(ctx.db, filter, asOf),
    keptOnTimeTallies(ctx.db, filter, asOf),
  ]);
  return unitTimelinessFromKept(
    groups.map((g) => ({
      unitId: g.lead_org_id,
      calendar: { frequency: g.frequency, dueDay: g.due_day },
      tasks: g.tasks,
      weight: g.weight,
    })),
    tallies.map((t) => ({
      unitId: t.lead_org_id,
      onTime: t.on_time,
      onTimeClosed: t.on_time_closed,
    })),
    asOf,
  );
}

/** From the tasks matching the filter and their accepted reports. */
export async function countedReportTimeliness(
  ctx: Ctx,
  filter: TaskFilter,
  asOf: string,
): Promise<Map<number, ComplianceTally>> {
  const [groups, receipts] = await Promise.all([
    recurringTasksByPlanAndUnit(ctx.db, filter),
    firstAcceptedReceipts(ctx.db, filter),
  ]);
  const planIds = new Set([...groups, ...receipts].map((row) => row.plan_id));
  const calendars = await calendarsByPlan(ctx, [...planIds]);
  const task = (row: TimelinessRow) => ({
    calendar: calendars.get(row.plan_id) ?? DEFAULT_CALENDAR,
    trackedFrom: row.plan_tracked_from,
    planImportedAt: row.plan_imported_at,
    endedAt: row.ended_at,
    unitId: row.lead_org_id,
  });
  return unitReportTimeliness(
    groups.map((g) => ({ ...task(g), tasks: g.n })),
    receipts.map((r) => ({ ...task(r), period: r.period_key, submittedAt: r.first_at })),
    asOf,
  );
}
