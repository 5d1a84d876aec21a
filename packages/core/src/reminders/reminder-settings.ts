/**
 * When reminders are sent, per plan (the administrator may change every offset; these are the
 * defaults the issue names). Offsets are whole numbers, largest first once checked.
 */
import { ValidationError } from "../errors.js";

export type ReminderSettings = {
  /** working days before a report day: a reminder to each unit that still owes its report */
  reportDays: number[];
  /** calendar days before a task deadline: a reminder to the lead unit */
  deadlineDays: number[];
  /** days between two overdue reminders after the first one (the day after the deadline) */
  overdueEveryDays: number;
};

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  reportDays: [5, 1],
  deadlineDays: [15, 5, 1],
  overdueEveryDays: 7,
};

function offsets(field: string, values: readonly number[], max: number): number[] {
  for (const v of values) {
    if (!Number.isInteger(v) || v < 1 || v > max) {
      throw new ValidationError(`${field}: số ngày phải từ 1 đến ${max}, nhận ${String(v)}.`, {
        field,
      });
    }
  }
  return [...new Set(values)].sort((a, b) => b - a);
}

/** Checks a plan's settings; throws a ValidationError naming the field. */
export function checkReminderSettings(s: ReminderSettings): ReminderSettings {
  if (!Number.isInteger(s.overdueEveryDays) || s.overdueEveryDays < 1 || s.overdueEveryDays > 31) {
    throw new ValidationError(
      `overdueEveryDays: nhắc quá hạn phải cách nhau từ 1 đến 31 ngày, nhận ${String(s.overdueEveryDays)}.`,
      { field: "overdueEveryDays" },
    );
  }
  return {
    reportDays: offsets("reportDays", s.reportDays, 40),
    deadlineDays: offsets("deadlineDays", s.deadlineDays, 120),
    overdueEveryDays: s.overdueEveryDays,
  };
}
