/**
 * Projection of an indicator to the end of its target's period, with a range, fitted on the
 * accepted history only:
 *
 * - `level` and `in_period`: the least-squares line through the values (each placed at its
 *   period's last day), read at the target's end; the range is ± 2 standard errors of a new
 *   observation (≈ 95 %), the residual spread taken as half the difference with two values.
 *   A share (unit "%") stays within 0–100.
 * - `cumulative`: the average monthly gain since the path's start continued to the target's
 *   end; the range is ± 2 × the monthly spread × √(months left) — the spread of the reported
 *   gains when there are two or more, else √gain as for counts (Poisson).
 *
 * A single value of a level says nothing about its trend: no projection.
 */
import { fitLine } from "../status/indicator-projection.js";
import { toDayNumber } from "../status/dates.js";
import type { IndicatorKind } from "./indicator.model.js";
import { monthsBetween, periodMonths, periodSpan } from "./indicator-period.js";

export type Forecast = {
  value: number;
  low: number;
  high: number;
  /** Change per month at the current pace (for lower-is-better, negative when falling). */
  perMonth: number;
};

export type ForecastInput = {
  kind: IndicatorKind;
  percent: boolean;
  /** Accepted values up to the date, in period order. */
  values: readonly { period: string; value: number }[];
  /** The current value by kind (for cumulative, the running total). */
  current: number;
  /** Where the cumulative path starts: its date and the total there. */
  pathStart: { date: string; value: number };
  end: string;
};

const DAYS_PER_MONTH = 365.25 / 12;

const endOf = (period: string) => periodSpan(period)?.end ?? period;

function lineForecast(input: ForecastInput): Forecast | null {
  const points = input.values.map((v) => ({ x: toDayNumber(endOf(v.period)), y: v.value }));
  const fit = fitLine(points);
  if (!fit) return null;
  const x0 = toDayNumber(input.end);
  const sd = fit.n > 2 ? fit.residualSd : Math.abs((points[1]?.y ?? 0) - (points[0]?.y ?? 0)) / 2;
  const se = sd * Math.sqrt(1 + 1 / fit.n + (x0 - fit.meanX) ** 2 / fit.sxx);
  const clamp = (v: number) => (input.percent ? Math.min(100, Math.max(0, v)) : v);
  const value = fit.intercept + fit.slope * x0;
  return {
    value: clamp(value),
    low: clamp(value - 2 * se),
    high: clamp(value + 2 * se),
    perMonth: fit.slope * DAYS_PER_MONTH,
  };
}

function cumulativeForecast(input: ForecastInput): Forecast | null {
  const last = input.values.at(-1);
  if (!last) return null;
  const lastEnd = endOf(last.period);
  const elapsed = monthsBetween(input.pathStart.date, lastEnd);
  if (elapsed <= 0) return null;
  const perMonth = (input.current - input.pathStart.value) / elapsed;
  const left = Math.max(0, monthsBetween(lastEnd, input.end));
  const value = input.current + perMonth * left;
  const gains = input.values
    .filter((v) => endOf(v.period) > input.pathStart.date)
    .map((v) => v.value / periodMonths(v.period));
  const mean = gains.reduce((s, g) => s + g, 0) / Math.max(1, gains.length);
  const spread =
    gains.length >= 2
      ? Math.sqrt(gains.reduce((s, g) => s + (g - mean) ** 2, 0) / (gains.length - 1))
      : Math.sqrt(Math.max(0, perMonth));
  const half = 2 * spread * Math.sqrt(left);
  return { value, low: Math.max(input.current, value - half), high: value + half, perMonth };
}

export function forecast(input: ForecastInput): Forecast | null {
  return input.kind === "cumulative" ? cumulativeForecast(input) : lineForecast(input);
}
