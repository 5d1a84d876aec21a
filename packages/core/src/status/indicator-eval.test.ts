import { describe, expect, it } from "vitest";
import type { Target, TargetPart } from "../import/contract.js";
import {
  evaluateIndicator,
  type EvaluateOptions,
  type IndicatorVerdict,
} from "./indicator-eval.js";

const part = (
  op: TargetPart["op"],
  value: number | null,
  extra: Partial<TargetPart> = {},
): TargetPart => ({
  op,
  value,
  unit: "%",
  scope: null,
  ...extra,
});
const target = (...parts: TargetPart[]): Target => ({ raw: "", parts });

describe("evaluateIndicator", () => {
  it.each<[string, Target | null, number | null, EvaluateOptions, IndicatorVerdict]>([
    ["≥80 with 80", target(part(">=", 80)), 80, {}, "met"],
    ["≥80 with 79.9", target(part(">=", 80)), 79.9, {}, "not_met"],
    ["≤5 with 5", target(part("<=", 5)), 5, {}, "met"],
    ["≤5 with 6", target(part("<=", 5)), 6, {}, "not_met"],
    ["=100 with 100", target(part("=", 100)), 100, {}, "met"],
    ["=100 with 99", target(part("=", 100)), 99, {}, "not_met"],
    ["=0.3 with 0.1+0.2", target(part("=", 0.3)), 0.1 + 0.2, {}, "met"],
    ["range 3–5 with 4", target(part("range", 3, { max: 5 })), 4, {}, "met"],
    ["range 3–5 with 6", target(part("range", 3, { max: 5 })), 6, {}, "not_met"],
    ["range 3–? with 9", target(part("range", 3, { max: null })), 9, {}, "met"],
    ["increase with no baseline", target(part("increase", null)), 10, {}, "unknown"],
    ["increase above the baseline", target(part("increase", null)), 10, { baseline: 9 }, "met"],
    [
      "increase equal to the baseline",
      target(part("increase", null)),
      9,
      { baseline: 9 },
      "not_met",
    ],
    [
      "increase by 10% from 200 to 220",
      target(part("increase", 10)),
      220,
      { baseline: 200 },
      "met",
    ],
    [
      "increase by 10% from 200 to 219",
      target(part("increase", 10)),
      219,
      { baseline: 200 },
      "not_met",
    ],
    [
      "increase by 10 points from 50% to 60%",
      target(part("increase", 10)),
      60,
      { baseline: 50, baselineIsPercent: true },
      "met",
    ],
    [
      "increase by 5 units",
      target(part("increase", 5, { unit: "doanh nghiệp" })),
      14,
      { baseline: 10 },
      "not_met",
    ],
    ["no target", null, 50, {}, "unknown"],
    ["a target with no parts (indicator 3 of plan 596)", target(), 50, {}, "unknown"],
    ["no value reported", target(part(">=", 80)), null, {}, "unknown"],
    ["a part without a figure", target(part(">=", null)), 80, {}, "unknown"],
    ["two parts, both met", target(part(">=", 80), part("<=", 100)), 90, {}, "met"],
    ["two parts, one missed", target(part(">=", 80), part("<=", 85)), 90, {}, "not_met"],
    [
      "a missed part outweighs an unknown one",
      target(part(">=", null), part(">=", 95)),
      90,
      {},
      "not_met",
    ],
    [
      "scoped parts read their own values",
      target(part(">=", 100, { scope: "cấp tỉnh" }), part(">=", 80, { scope: "cấp xã" })),
      null,
      { byScope: { "cấp tỉnh": 100, "cấp xã": 85 } },
      "met",
    ],
    [
      "a scoped part misses",
      target(part(">=", 100, { scope: "cấp tỉnh" }), part(">=", 80, { scope: "cấp xã" })),
      null,
      { byScope: { "cấp tỉnh": 100, "cấp xã": 70 } },
      "not_met",
    ],
    [
      "a scope without its value falls back to the main value",
      target(part(">=", 80, { scope: "cấp xã" })),
      81,
      { byScope: {} },
      "met",
    ],
    ["NaN is unknown", target(part(">=", 80)), Number.NaN, {}, "unknown"],
  ])("%s", (_name, t, actual, opts, verdict) =>
    expect(evaluateIndicator(t, actual, opts)).toBe(verdict),
  );
});
