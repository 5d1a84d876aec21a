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

export type LineFit = {
  /** Value at day number x: intercept + slope × x. */
  slope: number;
  intercept: number;
  n: number;
  meanX: number;
  /** Σ (x − mean x)². */
  sxx: number;
  /** Residual standard deviation (n − 2 degrees of freedom); 0 with two points. */
  residualSd: number;
};

/**
 * The least-squares line through (day number, value) points; null with fewer than two distinct
 * days (one value says nothing about a trend).
 */
export function fitLine(points: readonly { x: number; y: number }[]): LineFit | null {
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
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const sse = points.reduce((s, p) => s + (p.y - intercept - slope * p.x) ** 2, 0);
  const residualSd = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  return { slope, intercept, n, meanX, sxx, residualSd };
}

/**
 * The value the line through `observations` reaches on `at`; null with fewer than two distinct
 * dates. `bounds` clamps the result (0–100 for a share).
 */
export function projectValue(
  observations: readonly Observation[],
  at: string,
  bounds?: { min: number; max: number },
): number | null {
  const fit = fitLine(observations.map((o) => ({ x: toDayNumber(o.date), y: o.value })));
  if (!fit) return null;
  const value = fit.intercept + fit.slope * toDayNumber(at);
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
