/**
 * The one schema for every date and reporting period a person types (reports, change requests,
 * "as of" filters): a real calendar date (no 2026-02-30, no 0000-00-00) within the years the
 * system can mean (2000–2100), so that a value accepted once can always be evaluated later.
 * Periods are further checked against their plan's years (±1) by `checkPeriodInPlanYears`.
 */
import { z } from "zod";
import { ValidationError } from "../errors.js";
import { isIsoDate } from "./dates.js";

export const MIN_INPUT_YEAR = 2000;
export const MAX_INPUT_YEAR = 2100;

const yearInRange = (year: number) => year >= MIN_INPUT_YEAR && year <= MAX_INPUT_YEAR;

/** True for a real calendar date `YYYY-MM-DD` within MIN_INPUT_YEAR..MAX_INPUT_YEAR. */
export function isInputDate(text: string): boolean {
  return isIsoDate(text) && yearInRange(Number(text.slice(0, 4)));
}

export const dateInput = z
  .string()
  .trim()
  .refine(
    isInputDate,
    `Ngày phải là ngày có thật, dạng YYYY-MM-DD, trong các năm ${MIN_INPUT_YEAR}–${MAX_INPUT_YEAR}`,
  );

const PERIOD_KEY = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/** A reporting period key: `2026-05` (month) or `2026-Q2` (quarter), in the same years. */
export const periodKeyInput = z
  .string()
  .trim()
  .refine((key) => {
    const m = PERIOD_KEY.exec(key);
    return m !== null && yearInRange(Number(m[1]));
  }, `Kỳ báo cáo phải có dạng 2026-05 (tháng) hoặc 2026-Q2 (quý), trong các năm ${MIN_INPUT_YEAR}–${MAX_INPUT_YEAR}`);

/** A period's year must lie within its plan's years, one year either side. */
export function checkPeriodInPlanYears(
  periodKey: string,
  planYears: { from: number; to: number },
): void {
  const year = Number(periodKey.slice(0, 4));
  if (year < planYears.from - 1 || year > planYears.to + 1) {
    throw new ValidationError(
      `period: kỳ báo cáo "${periodKey}" nằm ngoài thời gian của kế hoạch (${planYears.from}–${planYears.to}).`,
      { field: "period", value: periodKey },
    );
  }
}
