/**
 * Report timeliness: the one rule for which reporting periods a recurring task owes a report
 * and whether each arrived on time. The task page asks it for one task, period by period
 * (`taskReportTimeliness`); the unit scorecards for every task of many units at once
 * (`unitReportTimeliness`). Both go through `reportingWindow` and `vietnamDay`, so that a
 * unit's card is the sum of its tasks' pages (report-timeliness.test.ts holds the two equal for
 * any input; server/src/scorecards.test.ts on every seed plan, undated and cancelled included).
 *
 * - a task owes reports from the day its plan is tracked from: a date the monitoring department
 *   sets per plan, by default the day the plan was imported (in Vietnam) —
 *   a unit is not late for months before the system followed the plan;
 * - until the day the task was cancelled or removed from its plan, when it was;
 * - a report is received on the day it was submitted, in Vietnam (working-day.ts);
 * - the periods and outcomes are reportingCompliance's (recurring-compliance.ts).
 */
import { dueDatesBefore, type Period, type ReportingCalendar } from "./reporting-calendar.js";
import { owedPeriods, reportingCompliance, type Compliance } from "./recurring-compliance.js";
import { vietnamDay } from "./working-day.js";

export type TimelinessTask = {
  calendar: ReportingCalendar;
  /** the day the plan is tracked from, when the monitoring department set one */
  trackedFrom: string | null;
  /** when the plan was imported (timestamp): the default tracked-from day */
  planImportedAt: string;
  /** when the task was cancelled or removed from its plan (timestamp), if it was */
  endedAt: string | null;
};

/** An accepted report: its period key and when it was submitted (timestamp). */
export type SubmittedReport = { period: string; submittedAt: string };

export type ComplianceTally = { periodsDue: number; onTime: number };

/** The day a plan is tracked from when none was set: the day it was imported, in Vietnam. */
export function trackedFromDefault(planImportedAt: string): string {
  return vietnamDay(planImportedAt);
}

/** The days a task owes reports between (rules above). */
export function reportingWindow(task: TimelinessTask): { from: string; until: string | null } {
  return {
    from: task.trackedFrom ?? trackedFromDefault(task.planImportedAt),
    until: task.endedAt ? vietnamDay(task.endedAt) : null,
  };
}

/** One task's periods owed as of `asOf`, each on time, late, missing or still open. */
export function taskReportTimeliness(
  task: TimelinessTask,
  reports: readonly SubmittedReport[],
  asOf: string,
): Compliance {
  return reportingCompliance(
    {
      calendar: task.calendar,
      ...reportingWindow(task),
      reports: reports.map((r) => ({ period: r.period, receivedOn: vietnamDay(r.submittedAt) })),
    },
    asOf,
  );
}

/** Tasks that owe the same periods, counted: one lead unit's recurring tasks of one plan. */
export type TimelinessGroup<Id> = TimelinessTask & { unitId: Id; tasks: number };

/** A task's FIRST accepted report of one period (corrections come later), with its task. */
export type FirstReceipt<Id> = TimelinessTask & SubmittedReport & { unitId: Id };

type OwedSchedule = {
  byKey: ReadonlyMap<string, Period>;
  /** owed periods whose due date is before asOf: due from every task, reported or not */
  closed: number;
};

type Window = { from: string; until: string | null };

/** The owed schedule of each calendar and window as of `asOf`, computed once per pair. */
function schedules(asOf: string) {
  const known = new Map<string, OwedSchedule>();
  return (calendar: ReportingCalendar, window: Window): OwedSchedule => {
    const key = `${calendar.frequency}|${calendar.dueDay}|${window.from}|${window.until}`;
    let schedule = known.get(key);
    if (!schedule) {
      const periods = owedPeriods({ calendar, ...window }, asOf);
      schedule = {
        byKey: new Map(periods.map((p) => [p.key, p])),
        closed: periods.filter((p) => p.dueDate < asOf).length,
      };
      known.set(key, schedule);
    }
    return schedule;
  };
}

function unitTallies<Id>() {
  const byUnit = new Map<Id, ComplianceTally>();
  const add = (unitId: Id, periodsDue: number, onTime: number) => {
    const tally = byUnit.get(unitId) ?? { periodsDue: 0, onTime: 0 };
    tally.periodsDue += periodsDue;
    tally.onTime += onTime;
    byUnit.set(unitId, tally);
  };
  return { byUnit, add };
}

/**
 * Periods due and on time per unit, for many tasks at once: the tasks sharing a calendar and a
 * window owe the same periods, computed once; then each first receipt makes the period still
 * open due, and counts on time when received by the due date. Receipts after asOf don't exist
 * yet. The sums equal taskReportTimeliness's periodsDue and onTime added up over the tasks.
 */
export function unitReportTimeliness<Id>(
  groups: readonly TimelinessGroup<Id>[],
  receipts: readonly FirstReceipt<Id>[],
  asOf: string,
): Map<Id, ComplianceTally> {
  const scheduleOf = schedules(asOf);
  const { byUnit, add } = unitTallies<Id>();
  for (const g of groups)
    add(g.unitId, scheduleOf(g.calendar, reportingWindow(g)).closed * g.tasks, 0);
  for (const r of receipts) {
    const period = scheduleOf(r.calendar, reportingWindow(r)).byKey.get(r.period);
    const receivedOn = vietnamDay(r.submittedAt);
    if (!period || receivedOn > asOf) continue;
    add(r.unitId, period.dueDate < asOf ? 0 : 1, receivedOn <= period.dueDate ? 1 : 0);
  }
  return byUnit;
}

/**
 * A unit's recurring tasks of one calendar as kept (db migration 0028): `tasks` whose window
 * had started by the date, less those whose window had ended, and `weight`, the sum of
 * dueDatesBefore over those starts less those ends. A task's closed periods as of a date are
 * dueDatesBefore(date) − dueDatesBefore(its start) until its window ends, then fixed.
 */
export type CalendarGroup<Id> = {
  unitId: Id;
  calendar: ReportingCalendar;
  tasks: number;
  weight: number;
};

/**
 * A unit's on-time first receipts as of a date, as kept per day (db migration 0028): those in
 * the unit's schedule as of that date (`onTime`), and of them those whose period's due date is
 * before it (`onTimeClosed`). A late receipt never changes a tally: its period already counts
 * as closed, and it is not on time.
 */
export type OnTimeTally<Id> = { unitId: Id; onTime: number; onTimeClosed: number };

/**
 * unitReportTimeliness from kept counts: the closed periods of each calendar group, plus each
 * unit's on-time receipts (an on-time receipt of a period still open makes that period due).
 */
export function unitTimelinessFromKept<Id>(
  groups: readonly CalendarGroup<Id>[],
  tallies: readonly OnTimeTally<Id>[],
  asOf: string,
): Map<Id, ComplianceTally> {
  const { byUnit, add } = unitTallies<Id>();
  for (const g of groups) add(g.unitId, g.tasks * dueDatesBefore(asOf, g.calendar) - g.weight, 0);
  for (const t of tallies) add(t.unitId, t.onTime - t.onTimeClosed, t.onTime);
  return byUnit;
}
