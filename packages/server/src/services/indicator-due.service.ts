/**
 * What the unit's inbox asks for: for each indicator the unit leads, the value of the last
 * period that has ended (dueValuePeriod, by the indicator's frequency or its plan's calendar)
 * when none is accepted — missing, returned, or waiting for review.
 */
import { dueValuePeriod, formatIndicatorPeriod } from "@giamsat/core";
import { indicatorValueStates, listIndicatorRows, planYears } from "@giamsat/db";
import type { Actor } from "./actor.js";
import { calendarsByPlan } from "./calendar.service.js";
import { todayOf, type Ctx } from "./context.js";
import { indicatorRef, type IndicatorRef } from "./indicator-value.view.js";

export type DueIndicatorValue = {
  indicator: IndicatorRef;
  period: string;
  periodLabel: string;
  state: "missing" | "returned" | "submitted";
};

export async function listDueIndicatorValues(
  ctx: Ctx,
  actor: Actor,
  asOf = todayOf(ctx),
): Promise<{ items: DueIndicatorValue[]; asOf: string }> {
  const rows = await listIndicatorRows(ctx.db, actor.units ? { unitIds: actor.units } : {});
  const planIds = [...new Set(rows.map((r) => r.plan_id))];
  const calendars = await calendarsByPlan(ctx, planIds);
  const years = new Map<number, { from: number; to: number } | undefined>();
  for (const planId of planIds) years.set(planId, await planYears(ctx.db, planId));
  const due = rows.flatMap((row) => {
    const frequency = row.frequency ?? calendars.get(row.plan_id)?.frequency ?? "monthly";
    const period = dueValuePeriod(frequency, asOf);
    const span = years.get(row.plan_id);
    const year = Number(period.slice(0, 4));
    return span && (year < span.from || year > span.to) ? [] : [{ row, period }];
  });
  const states = await indicatorValueStates(
    ctx.db,
    due.map((d) => d.row.id),
    [...new Set(due.map((d) => d.period))],
  );
  const statusesOf = (id: number, period: string) =>
    new Set(
      states.filter((s) => s.indicator_id === id && s.period === period).map((s) => s.status),
    );
  const items = due.flatMap(({ row, period }): DueIndicatorValue[] => {
    const statuses = statusesOf(row.id, period);
    if (statuses.has("accepted")) return [];
    const state = statuses.has("submitted")
      ? "submitted"
      : statuses.has("returned")
        ? "returned"
        : "missing";
    return [
      {
        indicator: indicatorRef(row),
        period,
        periodLabel: formatIndicatorPeriod(period),
        state,
      },
    ];
  });
  return { items, asOf };
}
