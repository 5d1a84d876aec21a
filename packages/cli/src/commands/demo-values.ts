/**
 * The demo's indicator values: a few months of plausible accepted values for every indicator
 * with a target figure, so the plan appendix, the indicator pages, the dashboard tiles and the
 * warnings show something real. They go through the monitoring department's .xlsx import (so
 * they are stored accepted, source `xlsx`, audited like any sheet). Each indicator gets its own
 * pace (ahead, on track, behind) so that every warning level appears.
 */
import { dueValuePeriod, writeXlsx, type XCell } from "@giamsat/core";
import { listIndicatorRows, planYears } from "@giamsat/db";
import { evaluateIndicatorRows, importValuesSheet, type Actor, type Ctx } from "@giamsat/server";

/** How many ended periods get a value. */
const MONTHS = 4;
const QUARTERS = 2;
/** Per indicator, in turn: the share of the target reached by the last period. */
const PACES = [0.95, 0.8, 0.6, 1.05, 0.7];

type Item = Awaited<ReturnType<typeof evaluateIndicatorRows>>[number];

/** The last `n` ended periods of this frequency before `today`, oldest first. */
function endedPeriods(frequency: "monthly" | "quarterly", today: string, n: number): string[] {
  const periods: string[] = [];
  let day = today;
  for (let i = 0; i < n; i++) {
    const period = dueValuePeriod(frequency, day);
    periods.unshift(period);
    const [y, rest] = period.split("-") as [string, string];
    const firstMonth = rest.startsWith("Q") ? (Number(rest.slice(1)) - 1) * 3 + 1 : Number(rest);
    day = `${y}-${String(firstMonth).padStart(2, "0")}-01`;
  }
  return periods;
}

/** Months from the plan's first January to the end of a period (`2026-05` → 5 in a 2026 plan). */
function monthsInto(period: string, fromYear: number): number {
  const [y, rest = "12"] = period.split("-") as [string, string?];
  const month = rest.startsWith("Q") ? Number(rest.slice(1)) * 3 : Number(rest);
  return (Number(y) - fromYear) * 12 + month;
}

/**
 * Plausible values of one indicator for these periods at its pace; [] without a target figure.
 * A level or per-period value approaches pace × target; a count (cumulative) reports the gains
 * of a running total that reaches pace × the target pro rata — its first period carrying what
 * came before.
 */
export function demoSeries(
  item: Item,
  pace: number,
  periods: readonly string[],
  fromYear: number,
): number[] {
  const last = item.targets.at(-1);
  if (!last || last.value === null || last.value <= 0) return [];
  const target = last.value;
  const rate = item.unit?.trim() === "%";
  if (item.kind === "cumulative") {
    const span = monthsInto(last.period.split("..").at(-1)!, fromYear);
    const totals = periods.map((p) => Math.round((target * pace * monthsInto(p, fromYear)) / span));
    return totals.map((t, i) => Math.max(0, t - (i === 0 ? 0 : totals[i - 1]!)));
  }
  return periods.map((_, i) => {
    const progress = (i + 1) / periods.length;
    const v =
      item.direction === "lower"
        ? target * (1 + (1 - pace) * 2 * (1.2 - progress))
        : target * pace * (0.85 + 0.15 * progress);
    return rate ? Math.round(Math.min(v, 100) * 10) / 10 : Math.round(v * 10) / 10;
  });
}

/** Stores the demo values through the .xlsx import as the monitoring account; returns the count. */
export async function seedDemoValues(ctx: Ctx, monitor: Actor, today: string): Promise<number> {
  const rows = await listIndicatorRows(ctx.db, {});
  const items = await evaluateIndicatorRows(ctx, rows, today);
  const sheet: XCell[][] = [[{ text: "Mã chỉ tiêu" }, { text: "Kỳ" }, { text: "Giá trị" }]];
  const years = new Map<number, { from: number; to: number } | undefined>();
  for (const [index, item] of items.entries()) {
    if (!years.has(item.planId)) years.set(item.planId, await planYears(ctx.db, item.planId));
    const span = years.get(item.planId);
    if (!span || item.frequency === "yearly") continue;
    const periods = endedPeriods(
      item.frequency,
      today,
      item.frequency === "monthly" ? MONTHS : QUARTERS,
    ).filter((p) => Number(p.slice(0, 4)) >= span.from && Number(p.slice(0, 4)) <= span.to);
    const values = demoSeries(item, PACES[index % PACES.length]!, periods, span.from);
    values.forEach((value, i) =>
      sheet.push([{ number: item.id }, { text: periods[i]! }, { number: value }]),
    );
  }
  if (sheet.length === 1) return 0;
  const content = writeXlsx([{ name: "Giá trị chỉ tiêu", rows: sheet }]);
  const { created } = await importValuesSheet(ctx, monitor, { fileName: "demo.xlsx", content });
  return created;
}
