/**
 * Task deadline reminders and the overdue ladder.
 *
 * Before a deadline: 15, 5 and 1 days before (calendar days), to the lead unit; a reminder whose
 * day is not a working day is sent on the working day before it.
 * After it: on the day after the deadline, then every 7 days while the task stays open, each
 * moved to the next working day when it falls on a weekend or holiday. Each overdue reminder
 * climbs a ladder: the first goes to the unit's staff, the second to its head, the third and
 * every later one to the monitoring department and the leaders.
 */
import { addDays, daysBetween } from "../status/dates.js";
import { workingDayOnOrAfter, workingDayOnOrBefore, type Holidays } from "./working-days.js";

export type LadderRung = "unit_staff" | "unit_head" | "monitor_leader";

export type DeadlineReminder =
  | { kind: "due"; daysBefore: number }
  | { kind: "overdue"; step: number; rung: LadderRung; daysLate: number };

export function ladderRung(step: number): LadderRung {
  return step === 0 ? "unit_staff" : step === 1 ? "unit_head" : "monitor_leader";
}

/** The reminder a task due on `due` gets on `asOf`, if any (asOf is expected a working day). */
export function deadlineReminderOn(
  asOf: string,
  due: string,
  daysBefore: readonly number[],
  overdueEveryDays: number,
  holidays: Holidays,
): DeadlineReminder | null {
  if (asOf <= due) {
    for (const n of daysBefore) {
      if (workingDayOnOrBefore(addDays(due, -n), holidays) === asOf) {
        return { kind: "due", daysBefore: n };
      }
    }
    return null;
  }
  const late = daysBetween(due, asOf);
  // the latest scheduled step whose day (moved to a working day) could be asOf
  const latest = Math.floor((late - 1) / overdueEveryDays);
  for (let step = latest; step >= 0 && step >= latest - 2; step -= 1) {
    const scheduled = addDays(due, 1 + step * overdueEveryDays);
    if (workingDayOnOrAfter(scheduled, holidays) === asOf) {
      return { kind: "overdue", step, rung: ladderRung(step), daysLate: late };
    }
  }
  return null;
}

/**
 * The last deadline that may have a reminder on `asOf` (a reminder moved back over Tết is sent
 * up to two weeks early): the database reads open tasks due up to this day.
 */
export function deadlineHorizon(asOf: string, daysBefore: readonly number[]): string {
  return addDays(asOf, Math.max(0, ...daysBefore) + 14);
}
