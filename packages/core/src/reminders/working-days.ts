/**
 * Working days: Monday to Friday, except the public holidays the administrator keeps as data
 * (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh and the days given
 * in compensation; each year's days are decided by the Government, so they are never computed).
 */
import { addDays, parseIsoDate } from "../status/dates.js";

/** The public holidays in force, as ISO dates. */
export type Holidays = ReadonlySet<string>;

export function isWeekend(date: string): boolean {
  const { year, month, day } = parseIsoDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: string, holidays: Holidays): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/**
 * The day that leaves exactly `n` working days before `day` (that day itself not counted):
 * 5 working days before Saturday 20/06/2026 is Monday 15/06/2026 (15, 16, 17, 18, 19).
 */
export function workingDaysBefore(day: string, n: number, holidays: Holidays): string {
  let date = day;
  for (let left = n; left > 0;) {
    date = addDays(date, -1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

/** The working day on or before `date`. */
export function workingDayOnOrBefore(date: string, holidays: Holidays): string {
  let d = date;
  while (!isWorkingDay(d, holidays)) d = addDays(d, -1);
  return d;
}

/** The working day on or after `date`. */
export function workingDayOnOrAfter(date: string, holidays: Holidays): string {
  let d = date;
  while (!isWorkingDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** Whether `date` is the first working day of its week (Monday, or the day after a holiday). */
export function isFirstWorkingDayOfWeek(date: string, holidays: Holidays): boolean {
  if (!isWorkingDay(date, holidays)) return false;
  const { year, month, day } = parseIsoDate(date);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday 0
  for (let back = 1; back <= weekday; back += 1) {
    if (isWorkingDay(addDays(date, -back), holidays)) return false;
  }
  return true;
}
