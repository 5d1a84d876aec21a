/**
 * The period a unit is asked to report an indicator's value for on a date: the last period that
 * has ended — the previous month (monthly), quarter (quarterly) or year (yearly).
 */
import type { IndicatorFrequency } from "./indicator.model.js";

export function dueValuePeriod(frequency: IndicatorFrequency, asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  if (frequency === "yearly") return String(year - 1);
  if (frequency === "quarterly") {
    const quarter = Math.ceil(month / 3) - 1;
    return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  }
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}
