/**
 * Report timeliness of many recurring tasks at once (the unit scorecards at national scale):
 * the tasks of one plan share its calendar and date, so their owed periods are computed once
 * (`owedSchedule`), and each task then costs only its own receipts. Gives the same `periodsDue`
 * and `onTime` as reportingCompliance (held equal by a property test): every owed period whose
 * due date has passed is due, reported or not; the period still open is due only once reported.
 */
import type { Period } from "./reporting-calendar.js";
import { owedPeriods, type ComplianceInput } from "./recurring-compliance.js";

export type OwedSchedule = {
  byKey: ReadonlyMap<string, Period>;
  /** owed periods whose due date is before asOf: due from every task, reported or not */
  closed: number;
};

export type ComplianceTally = { periodsDue: number; onTime: number };

export function owedSchedule(input: Omit<ComplianceInput, "reports">, asOf: string): OwedSchedule {
  const periods = owedPeriods(input, asOf);
  return {
    byKey: new Map(periods.map((p) => [p.key, p])),
    closed: periods.filter((p) => p.dueDate < asOf).length,
  };
}

/**
 * What a task's first receipt for one period adds to `closed`: the open period becomes due,
 * and a receipt by the due date is on time. Nothing for a period not owed or a receipt after
 * asOf.
 */
export function receiptTally(
  schedule: OwedSchedule,
  period: string,
  receivedOn: string,
  asOf: string,
): ComplianceTally {
  const p = schedule.byKey.get(period);
  if (!p || receivedOn > asOf) return { periodsDue: 0, onTime: 0 };
  return { periodsDue: p.dueDate < asOf ? 0 : 1, onTime: receivedOn <= p.dueDate ? 1 : 0 };
}

/** One task's tally from its first receipts (period key → day received, see firstReceipts). */
export function tallyCompliance(
  schedule: OwedSchedule,
  receipts: ReadonlyMap<string, string>,
  asOf: string,
): ComplianceTally {
  const tally = { periodsDue: schedule.closed, onTime: 0 };
  for (const [period, receivedOn] of receipts) {
    const t = receiptTally(schedule, period, receivedOn, asOf);
    tally.periodsDue += t.periodsDue;
    tally.onTime += t.onTime;
  }
  return tally;
}
