/**
 * Flags the monitoring department sees when it reviews an indicator value (they inform, never
 * block): a rate over 100% or below 0, and a value far from the indicator's accepted history.
 *
 * "Far": with three or more accepted values of other periods, more than 4 robust standard
 * deviations (1.4826 × the median absolute deviation) and more than a quarter of the median away
 * from their median; with one or two, more than three times or less than a third of the latest.
 */
import { fold } from "../text/fold.js";
import type { IndicatorValue } from "./indicator.model.js";
import { formatIndicatorPeriod } from "./indicator-period.js";
import { formatIndicatorValue } from "./warning-text.js";

export type ValueFlag = {
  code: "rate_over_100" | "negative_rate" | "far_from_history";
  text: string;
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** A share written in per cent: unit "%" or a name starting "Tỷ lệ". */
export const isRateIndicator = (indicator: { name: string; unit: string | null }): boolean =>
  indicator.unit?.trim() === "%" || /^ty le\b/.test(fold(indicator.name));

export function indicatorValueFlags(
  indicator: { name: string; unit: string | null },
  value: IndicatorValue,
  accepted: readonly IndicatorValue[],
): ValueFlag[] {
  const flags: ValueFlag[] = [];
  const shown = (v: number) => formatIndicatorValue(v, indicator.unit);
  if (isRateIndicator(indicator) && value.value > 100)
    flags.push({ code: "rate_over_100", text: `Tỷ lệ ${shown(value.value)} vượt quá 100%.` });
  if (isRateIndicator(indicator) && value.value < 0)
    flags.push({ code: "negative_rate", text: `Tỷ lệ ${shown(value.value)} là số âm.` });
  const history = accepted
    .filter((v) => v.period !== value.period)
    .sort((a, b) => a.period.localeCompare(b.period));
  if (history.length >= 3) {
    const values = history.map((v) => v.value);
    const m = median(values);
    const spread = 1.4826 * median(values.map((v) => Math.abs(v - m)));
    const distance = Math.abs(value.value - m);
    if (distance > 4 * spread && distance > 0.25 * Math.abs(m)) {
      flags.push({
        code: "far_from_history",
        text: `Khác xa các giá trị đã chấp nhận: trung vị ${history.length} kỳ là ${shown(m)}.`,
      });
    }
  } else if (history.length > 0) {
    const last = history.at(-1)!;
    const ratio = last.value === 0 ? null : value.value / last.value;
    if (ratio !== null && (ratio > 3 || ratio < 1 / 3)) {
      flags.push({
        code: "far_from_history",
        text: `Khác xa giá trị ${formatIndicatorPeriod(last.period)} (${shown(last.value)}).`,
      });
    }
  }
  return flags;
}
