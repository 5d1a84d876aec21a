/**
 * Indicators (chỉ tiêu) as the monitoring system tracks them: how their values combine (`kind`),
 * which way is better (`direction`) and their targets per period, each keeping the raw text.
 */
import type { Target } from "../import/contract.js";

/**
 * - `level`: a rate or a stock — the latest value stands ("Tỷ lệ … ≥ 80%");
 * - `cumulative`: counts added over periods ("5 sản phẩm");
 * - `in_period`: a value per period, compared per period ("… mỗi năm").
 */
export type IndicatorKind = "level" | "cumulative" | "in_period";

/** Higher is better, lower is better, or within a range. */
export type IndicatorDirection = "higher" | "lower" | "range";

export type IndicatorFrequency = "monthly" | "quarterly" | "yearly";

export const INDICATOR_KINDS: readonly IndicatorKind[] = ["level", "cumulative", "in_period"];
export const INDICATOR_DIRECTIONS: readonly IndicatorDirection[] = ["higher", "lower", "range"];

export type WarningLevel = "achieved" | "on_track" | "at_risk" | "off_track" | "no_data";

export const WARNING_LEVELS: readonly WarningLevel[] = [
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "no_data",
];

/** A target for one period: `2026`, `2026-Q4`, `2026-05` or a span `2026..2030`. */
export type IndicatorTarget = { period: string; target: Target };

/** An accepted value for one period (`2026-05`, `2026-Q2` or `2026`). */
export type IndicatorValue = { period: string; value: number };

export type IndicatorModel = {
  kind: IndicatorKind;
  direction: IndicatorDirection;
  /** The measure unit as written ("%", "Sản phẩm"); null when the plan gives none. */
  unit: string | null;
  targets: readonly IndicatorTarget[];
};
