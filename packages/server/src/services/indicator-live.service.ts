/**
 * The ONE evaluation of indicators as of a date (core's evaluateIndicatorAt through
 * indicatorItem) on their targets, accepted values, plan years and calendar; the list's stored
 * rows and the live pages both come from here.
 */
import {
  acceptedIndicatorValues,
  indicatorPeriodTargets,
  planYears,
  type IndicatorRow,
} from "@giamsat/db";
import { calendarsByPlan } from "./calendar.service.js";
import type { Ctx } from "./context.js";
import { indicatorItem, type IndicatorItem } from "./indicator.view.js";

function groupBy<T extends { indicator_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(r.indicator_id, [...(map.get(r.indicator_id) ?? []), r]);
  return map;
}

export async function evaluateIndicatorRows(
  ctx: Ctx,
  rows: readonly IndicatorRow[],
  asOf: string,
): Promise<IndicatorItem[]> {
  const ids = rows.map((r) => r.id);
  const planIds = [...new Set(rows.map((r) => r.plan_id))];
  const [periods, values, calendars] = await Promise.all([
    indicatorPeriodTargets(ctx.db, ids).then(groupBy),
    acceptedIndicatorValues(ctx.db, ids).then(groupBy),
    calendarsByPlan(ctx, planIds),
  ]);
  const years = new Map<number, { from: number; to: number }>();
  for (const planId of planIds) {
    const y = await planYears(ctx.db, planId);
    years.set(planId, y ?? { from: Number(asOf.slice(0, 4)), to: Number(asOf.slice(0, 4)) });
  }
  return rows.map((row) =>
    indicatorItem(
      {
        row,
        periods: periods.get(row.id) ?? [],
        values: values.get(row.id) ?? [],
        planYears: years.get(row.plan_id)!,
        calendarFrequency: calendars.get(row.plan_id)?.frequency ?? "monthly",
      },
      asOf,
    ),
  );
}
