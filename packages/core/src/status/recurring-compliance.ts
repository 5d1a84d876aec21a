/**
 * Report timeliness of one task over a reporting calendar, as of a date: which periods were
 * owed a report, which got it on time, late or not at all. A recurring task is judged by this
 * figure (README "What it does", Evaluate); a time-bound task's reports feed the unit scorecard the same way.
 *
 * Rules:
 * - reports are owed for every period whose due date is on or after `from` (the plan's date:
 *   a plan issued on 31/3 owes nothing for March when March's report was due on 19/3) and, when
 *   `until` is given (the task was completed or cancelled), that starts on or before `until`;
 * - only ACCEPTED reports are passed in, dated by the day they were received (submitted);
 *   "không phát sinh" (nothing to report this period) is a report like any other;
 * - a report received after `asOf` does not exist yet; of several reports for one period
 *   (corrections), the earliest counts;
 * - a period counts once its due date has passed (`dueDate` < `asOf`), or earlier if its
 *   report is already in; on the due day itself a missing report is not yet missing;
 * - `share` = onTime / periodsDue, null when nothing is due yet.
 */
import { isIsoDate, parseIsoDate } from "./dates.js";
import { periodsBetween, type Period, type ReportingCalendar } from "./reporting-calendar.js";

export type ReceivedReport = {
  /** Period key: `2026-05` or `2026-Q2`. */
  period: string;
  /** ISO date the report was received (submitted), not the day it was accepted. */
  receivedOn: string;
};

export type PeriodOutcome = "on_time" | "late" | "missing" | "open";

export type PeriodCompliance = Period & { outcome: PeriodOutcome; receivedOn: string | null };

export type Compliance = {
  periodsDue: number;
  onTime: number;
  late: number;
  missing: number;
  share: number | null;
  /** Every owed period up to the one open at `asOf`, with its outcome. */
  periods: PeriodCompliance[];
};

export type ComplianceInput = {
  calendar: ReportingCalendar;
  from: string;
  until?: string | null;
  reports: readonly ReceivedReport[];
};

/** The first receipt of each period received by `asOf`: period key → day received. */
export function firstReceipts(
  reports: readonly ReceivedReport[],
  asOf: string,
): Map<string, string> {
  const first = new Map<string, string>();
  for (const r of reports) {
    if (!isIsoDate(r.receivedOn) || r.receivedOn > asOf) continue;
    const seen = first.get(r.period);
    if (seen === undefined || r.receivedOn < seen) first.set(r.period, r.receivedOn);
  }
  return first;
}

function outcomeOf(period: Period, receivedOn: string | null, asOf: string): PeriodOutcome {
  if (receivedOn !== null) return receivedOn <= period.dueDate ? "on_time" : "late";
  return period.dueDate < asOf ? "missing" : "open";
}

/** The periods a task owes a report for, up to the one open at `asOf` (rules above). */
export function owedPeriods(input: Omit<ComplianceInput, "reports">, asOf: string): Period[] {
  parseIsoDate(asOf);
  if (input.until) parseIsoDate(input.until);
  const last = input.until && input.until < asOf ? input.until : asOf;
  return periodsBetween(input.from, last, input.calendar).filter((p) => p.dueDate >= input.from);
}

export function reportingCompliance(input: ComplianceInput, asOf: string): Compliance {
  const receipts = firstReceipts(input.reports, asOf);
  const periods = owedPeriods(input, asOf).map((p): PeriodCompliance => {
    const receivedOn = receipts.get(p.key) ?? null;
    return { ...p, outcome: outcomeOf(p, receivedOn, asOf), receivedOn };
  });
  const count = (outcome: PeriodOutcome) => periods.filter((p) => p.outcome === outcome).length;
  const [onTime, late, missing] = [count("on_time"), count("late"), count("missing")];
  const periodsDue = onTime + late + missing;
  return {
    periodsDue,
    onTime,
    late,
    missing,
    share: periodsDue ? onTime / periodsDue : null,
    periods,
  };
}
