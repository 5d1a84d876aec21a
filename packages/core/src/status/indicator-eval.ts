/**
 * Indicators against their targets (the contract's `Target`: parts with op >=, <=, =, range,
 * increase). A target is met when every part is met; not met when any part is not; unknown when
 * a part cannot be judged (no value, no target figure, an increase without a baseline).
 *
 * - `>=` / `<=` / `=` compare with the part's value, to a relative 1e-9 (so 200 × 1.1 reaches 220);
 * - `range`: value ≤ actual ≤ max (no max: ≥ value);
 * - `increase`: above the baseline (the previous period's value); with a figure, by at least
 *   that figure — relative when the part's unit is "%" and the baseline is not a percentage
 *   (`baselineIsPercent` false), absolute otherwise;
 * - a part with a `scope` ("cấp tỉnh") reads `byScope[scope]` when given, else the main value.
 */
import type { Target, TargetPart } from "../import/contract.js";

export type IndicatorVerdict = "met" | "not_met" | "unknown";

export type EvaluateOptions = {
  baseline?: number | null;
  baselineIsPercent?: boolean;
  byScope?: Readonly<Record<string, number | null>>;
};

const tolerance = (value: number) => 1e-9 * Math.max(1, Math.abs(value));
const geq = (actual: number, value: number) => actual >= value - tolerance(value);
const leq = (actual: number, value: number) => actual <= value + tolerance(value);

function actualFor(part: TargetPart, actual: number | null, opts: EvaluateOptions): number | null {
  const scoped = part.scope ? opts.byScope?.[part.scope] : undefined;
  return scoped === undefined ? actual : scoped;
}

function meetsIncrease(part: TargetPart, actual: number, opts: EvaluateOptions): boolean | null {
  const baseline = opts.baseline;
  if (baseline === null || baseline === undefined) return null;
  if (part.value === null) return actual > baseline;
  const relative = part.unit === "%" && !opts.baselineIsPercent;
  const needed = relative ? baseline * (1 + part.value / 100) : baseline + part.value;
  return geq(actual, needed);
}

function meetsPart(part: TargetPart, actual: number, opts: EvaluateOptions): boolean | null {
  if (part.op === "increase") return meetsIncrease(part, actual, opts);
  const value = part.value;
  if (value === null) return null;
  switch (part.op) {
    case ">=":
      return geq(actual, value);
    case "<=":
      return leq(actual, value);
    case "=":
      return geq(actual, value) && leq(actual, value);
    case "range":
      return (
        geq(actual, value) && (part.max === null || part.max === undefined || leq(actual, part.max))
      );
  }
}

export function evaluateIndicator(
  target: Target | null,
  actual: number | null,
  opts: EvaluateOptions = {},
): IndicatorVerdict {
  if (!target || target.parts.length === 0) return "unknown";
  let unknown = false;
  for (const part of target.parts) {
    const value = actualFor(part, actual, opts);
    const met = value === null || !Number.isFinite(value) ? null : meetsPart(part, value, opts);
    if (met === false) return "not_met";
    if (met === null) unknown = true;
  }
  return unknown ? "unknown" : "met";
}
