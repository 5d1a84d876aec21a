/**
 * The status of one task as of a date, from its deadline and its latest accepted report.
 *
 * Rules (README "What it does", Evaluate):
 * - a recurring task is `recurring` (it is judged by its reports, see recurring-compliance.ts);
 * - a completion counts only if it happened on or before `asOf` (so a leader can look back);
 * - completed on or before the due date → `done_on_time`; after it → `done_late` (`daysOverdue`
 *   = days late); completed with no resolvable deadline → `done_on_time` (it cannot be late);
 * - not completed, no due date → `no_deadline` (a "06 rõ" defect);
 * - not completed, `asOf` after the due date → `overdue` (`daysOverdue` ≥ 1: the day after the
 *   deadline is 1 day overdue);
 * - not completed, due date within `dueSoonDays` days (default 15, the deadline day itself
 *   included) → `due_soon`; later → `in_time`. `daysLeft` is 0 on the deadline day.
 */
import { ValidationError } from "../errors.js";
import type { TaskKind } from "../import/contract.js";
import { daysBetween, isIsoDate } from "./dates.js";
import type { StatusCode } from "./status-labels.js";

export const DEFAULT_DUE_SOON_DAYS = 15;

export type TaskStatusInput = {
  kind: TaskKind;
  /** ISO due date (`Deadline.due`), null when unresolved or absent. */
  due: string | null;
  /** `completedOn` of the latest ACCEPTED report whose state is completed; null if none. */
  completedOn: string | null;
};

export type TaskStatusOptions = { dueSoonDays?: number };

export type TaskStatus = {
  code: StatusCode;
  daysOverdue: number | null;
  daysLeft: number | null;
};

function checkDate(field: string, value: string): void {
  if (!isIsoDate(value)) {
    throw new ValidationError(`Trường "${field}" không phải ngày hợp lệ (YYYY-MM-DD): "${value}".`);
  }
}

export function taskStatus(
  input: TaskStatusInput,
  asOf: string,
  opts: TaskStatusOptions = {},
): TaskStatus {
  checkDate("asOf", asOf);
  const dueSoonDays = opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) {
    throw new ValidationError(
      `Số ngày "sắp đến hạn" phải là số nguyên không âm, nhận ${dueSoonDays}.`,
    );
  }
  if (input.kind === "recurring") return { code: "recurring", daysOverdue: null, daysLeft: null };
  if (input.due !== null) checkDate("due", input.due);
  if (input.completedOn !== null) checkDate("completedOn", input.completedOn);

  const completedOn =
    input.completedOn !== null && input.completedOn <= asOf ? input.completedOn : null;
  if (completedOn !== null) {
    const late = input.due === null ? 0 : daysBetween(input.due, completedOn);
    return late > 0
      ? { code: "done_late", daysOverdue: late, daysLeft: null }
      : { code: "done_on_time", daysOverdue: null, daysLeft: null };
  }
  if (input.due === null) return { code: "no_deadline", daysOverdue: null, daysLeft: null };
  const left = daysBetween(asOf, input.due);
  if (left < 0) return { code: "overdue", daysOverdue: -left, daysLeft: null };
  return { code: left <= dueSoonDays ? "due_soon" : "in_time", daysOverdue: null, daysLeft: left };
}
