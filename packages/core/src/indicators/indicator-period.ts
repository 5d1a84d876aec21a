/**
 * The periods indicator values and targets are written for: a month `2026-05`, a quarter
 * `2026-Q2`, a year `2026`, or (targets only, as the importer reads them) a span `2025..2026`.
 */
import { ValidationError } from "../errors.js";
import { formatPeriodKey } from "../status/date.format.js";
import { daysBetween, daysInMonth, isoDate } from "../status/dates.js";

export type PeriodSpan = { start: string; end: string };

const SINGLE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

function singleSpan(key: string): PeriodSpan | null {
  const m = SINGLE.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return { start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)) };
  }
  if (m[3]) {
    const last = Number(m[3]) * 3;
    return { start: isoDate(year, last - 2, 1), end: isoDate(year, last, daysInMonth(year, last)) };
  }
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/** The first and last day of a period key; null when the key is not one. */
export function periodSpan(key: string): PeriodSpan | null {
  const [from, to, ...rest] = key.split("..");
  if (rest.length > 0 || !from) return null;
  const first = singleSpan(from);
  const last = to === undefined ? first : singleSpan(to);
  if (!first || !last || last.end < first.start) return null;
  return { start: first.start, end: last.end };
}

/** A value's period (month, quarter or year, no span): its span, or a Vietnamese 400. */
export function valuePeriodSpan(key: string): PeriodSpan {
  const span = key.includes("..") ? null : periodSpan(key);
  if (!span) {
    throw new ValidationError(
      `period: kỳ "${key}" không hợp lệ (cần dạng 2026-05, 2026-Q2 hoặc 2026).`,
      { field: "period", value: key },
    );
  }
  return span;
}

/** `2026-05` → `Tháng 5/2026`; `2025..2026` → `Năm 2025–Năm 2026`. */
export function formatIndicatorPeriod(key: string): string {
  return key.split("..").map(formatPeriodKey).join("–");
}

/** Months between two dates as a fraction (a month is 1/12 of an average year). */
export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / (365.25 / 12);
}

/** Months a period lasts: 1 for `2026-05`, 3 for `2026-Q2`, 12 for `2026`. */
export function periodMonths(key: string): number {
  const span = periodSpan(key);
  if (!span) return 1;
  return Math.max(1, Math.round(monthsBetween(span.start, span.end) + 1 / (365.25 / 12)));
}
