/**
 * Report-day reminders: N working days before a report day (default 5 and 1) the units that
 * still owe their report for the period are told. The report day is day N of "trước ngày N"
 * (20/06/2026 for plan 596's June report); it is not moved when it falls on a holiday or a
 * weekend — the plans do not say so — but the reminders count working days only.
 */
import { addDays } from "../status/dates.js";
import {
  nextDue,
  periodOf,
  type Period,
  type ReportingCalendar,
} from "../status/reporting-calendar.js";
import { addMonths } from "../status/dates.js";
import { workingDaysBefore, type Holidays } from "./working-days.js";

export type ReportReminder = {
  period: Period;
  /** the day reports are due before ("trước ngày 20/06/2026"): the period's due date + 1 */
  reportDay: string;
  /** working days left before the report day: the reminder's step */
  daysBefore: number;
};

export function reportDayOf(period: Period): string {
  return addDays(period.dueDate, 1);
}

/** The report reminders due on `asOf` for one plan's calendar (at most one per offset). */
export function reportRemindersOn(
  asOf: string,
  cal: ReportingCalendar,
  daysBefore: readonly number[],
  holidays: Holidays,
): ReportReminder[] {
  const first = nextDue(asOf, cal);
  const step = cal.frequency === "monthly" ? 1 : 3;
  const candidates = [first, periodOf(addMonths(first.start, step), cal)];
  const due: ReportReminder[] = [];
  for (const period of candidates) {
    const reportDay = reportDayOf(period);
    for (const n of daysBefore) {
      if (workingDaysBefore(reportDay, n, holidays) === asOf) {
        due.push({ period, reportDay, daysBefore: n });
      }
    }
  }
  return due;
}
