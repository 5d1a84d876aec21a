import { formatMonth, formatQuarter } from "../status/date.format.js";
import { addDays, isoDate, parseIsoDate, startOfQuarter } from "../status/dates.js";

export const REPORT_PERIODS = ["month", "quarter", "half", "year"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The period a report as of `asOf` covers, as the title's tail says it: the period holding the
 * day before `asOf`, so that a report as of 01/06/2026 is the May report ("tháng 5/2026"), the
 * second quarter's "quý II/2026", the half-year's "6 tháng đầu năm 2026", the year's "năm 2026".
 */
export function reportPeriodTitle(period: ReportPeriod, asOf: string): string {
  const day = addDays(asOf, -1);
  const { year, month } = parseIsoDate(day);
  switch (period) {
    case "month":
      return lowerFirst(formatMonth(day));
    case "quarter":
      return lowerFirst(formatQuarter(day));
    case "half":
      return `6 tháng ${month <= 6 ? "đầu" : "cuối"} năm ${year}`;
    case "year":
      return `năm ${year}`;
  }
}

/** The first day of the period reportPeriodTitle names (ISO). */
export function reportPeriodStart(period: ReportPeriod, asOf: string): string {
  const day = addDays(asOf, -1);
  const { year, month } = parseIsoDate(day);
  switch (period) {
    case "month":
      return isoDate(year, month, 1);
    case "quarter":
      return startOfQuarter(day);
    case "half":
      return isoDate(year, month <= 6 ? 1 : 7, 1);
    case "year":
      return isoDate(year, 1, 1);
  }
}
