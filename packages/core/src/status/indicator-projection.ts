/**
 * Early warning for an indicator: a straight line fitted (least squares) through the values
 * reported so far, extended to the end of the target period; when the projected value misses
 * the target, the indicator is flagged before the period is over.
 */
import type { Target } from "../import/contract.js";
import { toDayNumber } from "./dates.js";
import {
  evaluateIndicator,
  type EvaluateOptions,
  type IndicatorVerdict,
} from "./indicator-eval.js";

export type Observation = { date: string; value: number };

/**
 * The value the line through `observations` reaches on `at`; null with fewer than two distinct
 * dates (one value says nothing about a trend). `bounds` clamps the result (0–100 for a share).
 */
export function projectValue(
  observations: readonly Observation[],
  at: string,
  bounds?: { min: number; max: number },
): number | null {
  const points = observations.map((o) => ({ x: toDayNumber(o.date), y: o.value }));
  if (new Set(points.map((p) => p.x)).size < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  const value = meanY + (sxy / sxx) * (toDayNumber(at) - meanX);
  return bounds ? Math.min(bounds.max, Math.max(bounds.min, value)) : value;
}

export type IndicatorOutlook = {
  /** The latest value reported on or before `asOf`, and its verdict. */
  latest: Observation | null;
  current: IndicatorVerdict;
  /** The projection to `periodEnd` and its verdict. */
  projected: number | null;
  outlook: IndicatorVerdict;
  /** True when the period is still running and the projection misses the target. */
  warning: boolean;
};

export type OutlookInput = {
  target: Target | null;
  observations: readonly Observation[];
  periodEnd: string;
  /** Clamp projections to 0–100 (the indicator is a percentage). */
  percent?: boolean;
  evaluate?: EvaluateOptions;
};

export function indicatorOutlook(input: OutlookInput, asOf: string): IndicatorOutlook {
  const known = input.observations
    .filter((o) => o.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = known.at(-1) ?? null;
  const current = evaluateIndicator(input.target, latest?.value ?? null, input.evaluate);
  const bounds = input.percent ? { min: 0, max: 100 } : undefined;
  const projected = asOf < input.periodEnd ? projectValue(known, input.periodEnd, bounds) : null;
  const outlook =
    projected === null ? current : evaluateIndicator(input.target, projected, input.evaluate);
  return {
    latest,
    current,
    projected,
    outlook,
    warning: projected !== null && outlook === "not_met",
  };
}
