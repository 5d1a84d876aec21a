/**
 * An indicator evaluated as of a date, from its accepted values only (a value counts once its
 * period has begun): the current value by kind, achievement against the period's and the
 * year's target, the value expected by now, the projection to the target's end, the rate still
 * needed and a warning level with its reason in one Vietnamese sentence.
 *
 * - current: `level` and `in_period` — the latest value; `cumulative` — the sum of all values;
 * - achievement: current ÷ target (higher is better), target ÷ current (lower is better),
 *   1 inside a range else the nearer bound's ratio; null without a target figure;
 * - expected: on the straight path from where the year's target starts (the previous target's
 *   figure, else 0 for a count and the first value for a level) to the target at its end;
 *   `in_period` expects the period's target itself;
 * - warning: `no_data` (no target figure or no accepted value), `achieved` (the target is met),
 *   `off_track` once the target's period is over; before, `on_track` when the projection meets
 *   the target, `at_risk` when only its range does (or there is too little history to project),
 *   else `off_track`.
 */
import { evaluateIndicator } from "../status/indicator-eval.js";
import type { IndicatorModel, IndicatorValue, WarningLevel } from "./indicator.model.js";
import { forecast, type Forecast } from "./indicator-forecast.js";
import { monthsBetween, periodSpan } from "./indicator-period.js";
import {
  periodTargetAt,
  previousTarget,
  targetFigure,
  yearTargetAt,
  type TargetFigure,
  type TargetInForce,
} from "./indicator-targets.js";
import { warningText } from "./warning-text.js";

export type TargetView = { period: string; raw: string; value: number | null };

export type RateNeeded = {
  /** How much is still missing (in the indicator's unit). */
  remaining: number;
  perMonth: number;
  /** The pace so far, per month, in the same sense; null without a trend. */
  currentPerMonth: number | null;
  /** perMonth ÷ currentPerMonth; null when the pace is nil or unknown. */
  ratio: number | null;
};

export type IndicatorEvaluation = {
  asOf: string;
  latest: IndicatorValue | null;
  current: number | null;
  /** The year's target (achievement is against it) and the target of the date's period. */
  target: TargetView | null;
  periodTarget: TargetView | null;
  achievement: number | null;
  periodAchievement: number | null;
  expected: number | null;
  projection: { period: string; value: number; low: number; high: number } | null;
  needed: RateNeeded | null;
  warning: WarningLevel;
  warningText: string;
};

export type EvaluateIndicatorOptions = {
  /** The plan's first day: where a cumulative path starts without an earlier target. */
  start?: string;
};

const view = (t: TargetInForce | null): TargetView | null =>
  t && { period: t.period, raw: t.target.raw, value: targetFigure(t.target)?.value ?? null };

function ratio(model: IndicatorModel, current: number, figure: TargetFigure | null): number | null {
  if (!figure) return null;
  if (model.direction === "lower") return current > 0 ? figure.value / current : 1;
  if (model.direction === "higher") return figure.value > 0 ? current / figure.value : 1;
  if (current < figure.low) return figure.low > 0 ? current / figure.low : 0;
  if (current > figure.high) return current > 0 ? figure.high / current : 1;
  return 1;
}

function accepted(values: readonly IndicatorValue[], asOf: string): IndicatorValue[] {
  return values
    .flatMap((v) => {
      const span = periodSpan(v.period);
      return span && span.start <= asOf ? [{ ...v, end: span.end }] : [];
    })
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0))
    .map(({ period, value }) => ({ period, value }));
}

function pathStart(
  model: IndicatorModel,
  goal: TargetInForce,
  values: readonly IndicatorValue[],
  options: EvaluateIndicatorOptions,
): { date: string; value: number } | null {
  const previous = previousTarget(model.targets, goal.start);
  const previousFigure = previous && targetFigure(previous.target);
  if (model.kind === "cumulative") {
    if (previous && previousFigure) return { date: previous.end, value: previousFigure.value };
    const start = options.start && options.start < goal.end ? options.start : goal.start;
    return { date: start, value: 0 };
  }
  const first = values[0];
  if (!first) return null;
  const firstEnd = periodSpan(first.period)?.end ?? goal.start;
  return { date: firstEnd, value: first.value };
}

function expectedBy(
  model: IndicatorModel,
  start: { date: string; value: number } | null,
  goal: TargetInForce,
  figure: TargetFigure,
  periodFigure: TargetFigure | null,
  asOf: string,
): number | null {
  if (model.kind === "in_period") return (periodFigure ?? figure).value;
  if (!start) return null;
  const total = monthsBetween(start.date, goal.end);
  if (total <= 0) return figure.value;
  const share = Math.min(1, Math.max(0, monthsBetween(start.date, asOf) / total));
  return start.value + (figure.value - start.value) * share;
}

function rateNeeded(
  model: IndicatorModel,
  current: number,
  figure: TargetFigure,
  goal: TargetInForce,
  pace: Forecast | null,
  asOf: string,
): RateNeeded | null {
  if (model.kind === "in_period") return null;
  const lower = model.direction === "lower" || current > figure.high;
  const remaining = lower ? current - figure.high : figure.low - current;
  const left = monthsBetween(asOf, goal.end);
  if (remaining <= 0 || left <= 0) return null;
  const perMonth = remaining / left;
  const currentPerMonth = pace ? (lower ? -pace.perMonth : pace.perMonth) : null;
  const paceRatio = currentPerMonth && currentPerMonth > 0 ? perMonth / currentPerMonth : null;
  return { remaining, perMonth, currentPerMonth, ratio: paceRatio };
}

function warningOf(
  goal: TargetInForce,
  met: (value: number) => boolean,
  current: number,
  projection: Forecast | null,
  asOf: string,
): WarningLevel {
  if (met(current)) return "achieved";
  if (asOf > goal.end || !projection) return asOf > goal.end ? "off_track" : "at_risk";
  if (met(projection.value)) return "on_track";
  return met(projection.low) || met(projection.high) ? "at_risk" : "off_track";
}

export function evaluateIndicatorAt(
  model: IndicatorModel,
  allValues: readonly IndicatorValue[],
  asOf: string,
  options: EvaluateIndicatorOptions = {},
): IndicatorEvaluation {
  const values = accepted(allValues, asOf);
  const latest = values.at(-1) ?? null;
  const current = !latest
    ? null
    : model.kind === "cumulative"
      ? values.reduce((s, v) => s + v.value, 0)
      : latest.value;
  const goal = yearTargetAt(model.targets, asOf);
  const periodGoal = periodTargetAt(model.targets, asOf);
  const figure = goal && targetFigure(goal.target);
  const periodFigure = periodGoal && targetFigure(periodGoal.target);
  const base = {
    asOf,
    latest,
    current,
    target: view(goal),
    periodTarget: view(periodGoal),
    achievement: current === null ? null : ratio(model, current, figure),
    periodAchievement: current === null ? null : ratio(model, current, periodFigure),
  };
  if (!goal || !figure || current === null) {
    const warning: WarningLevel = "no_data";
    const text = warningText({ ...base, model, warning, goal, projection: null, needed: null });
    return { ...base, expected: null, projection: null, needed: null, warning, warningText: text };
  }
  const start = pathStart(model, goal, values, options);
  const projected =
    asOf <= goal.end && start
      ? forecast({
          kind: model.kind,
          percent: model.unit?.trim() === "%",
          values,
          current,
          pathStart: start,
          end: goal.end,
        })
      : null;
  const met = (v: number) => evaluateIndicator(goal.target, v) === "met";
  const warning = warningOf(goal, met, current, projected, asOf);
  const needed =
    warning === "achieved" ? null : rateNeeded(model, current, figure, goal, projected, asOf);
  const projection = projected && {
    period: goal.period,
    value: projected.value,
    low: projected.low,
    high: projected.high,
  };
  return {
    ...base,
    expected: expectedBy(model, start, goal, figure, periodFigure, asOf),
    projection,
    needed,
    warning,
    warningText: warningText({ ...base, model, warning, goal, projection, needed }),
  };
}
