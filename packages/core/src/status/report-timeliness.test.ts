import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates.js";
import { periodOf, type ReportingCalendar } from "./reporting-calendar.js";
import {
  reportingWindow,
  taskReportTimeliness,
  unitReportTimeliness,
  type FirstReceipt,
  type SubmittedReport,
  type TimelinessGroup,
  type TimelinessTask,
} from "./report-timeliness.js";

const monthly: ReportingCalendar = { frequency: "monthly", dueDay: 20 };
const plan596: TimelinessTask = {
  calendar: monthly,
  trackedFrom: "2026-03-31",
  planImportedAt: "2026-04-02T02:00:00.000Z",
  endedAt: null,
};

describe("reportingWindow", () => {
  it("starts at the day the plan is tracked from, by default the day it was imported in Vietnam", () => {
    expect(reportingWindow(plan596)).toEqual({ from: "2026-03-31", until: null });
    const unset = { ...plan596, trackedFrom: null, planImportedAt: "2026-04-01T18:00:00.000Z" };
    expect(reportingWindow(unset).from).toBe("2026-04-02");
  });

  it("owes nothing for the months before the plan was tracked, on the page and the card", () => {
    const late = { ...plan596, trackedFrom: "2026-05-10" };
    const page = taskReportTimeliness(late, [], "2026-07-01");
    expect(page.periods.map((p) => p.key)).toEqual(["2026-05", "2026-06", "2026-07"]);
    const card = unitReportTimeliness([{ ...late, unitId: 1, tasks: 2 }], [], "2026-07-01");
    expect(card.get(1)).toEqual({ periodsDue: 2 * page.periodsDue, onTime: 0 });
  });
  it("ends on the day the task was cancelled or removed", () => {
    const cancelled = { ...plan596, endedAt: "2026-07-14T20:00:00.000Z" };
    expect(reportingWindow(cancelled)).toEqual({ from: "2026-03-31", until: "2026-07-15" });
  });
});

describe("taskReportTimeliness and unitReportTimeliness", () => {
  it("count plan 596's April on time, May missing and June open (as of 01/06/2026)", () => {
    const reports = [{ period: "2026-04", submittedAt: "2026-04-18T03:00:00.000Z" }];
    const page = taskReportTimeliness(plan596, reports, "2026-06-01");
    expect(page.periods.map((p) => [p.key, p.outcome])).toEqual([
      ["2026-04", "on_time"],
      ["2026-05", "missing"],
      ["2026-06", "open"],
    ]);
    expect([page.periodsDue, page.onTime]).toEqual([2, 1]);
    const card = unitReportTimeliness(
      [{ ...plan596, unitId: "u", tasks: 1 }],
      [{ ...plan596, ...reports[0]!, unitId: "u" }],
      "2026-06-01",
    );
    expect(card.get("u")).toEqual({ periodsDue: 2, onTime: 1 });
  });

  it("stops owing at the cancellation, for the page and the card alike", () => {
    const cancelled = { ...plan596, endedAt: "2026-04-25T03:00:00.000Z" };
    const page = taskReportTimeliness(cancelled, [], "2027-06-01");
    expect(page.periods.map((p) => p.key)).toEqual(["2026-04"]);
    const card = unitReportTimeliness([{ ...cancelled, unitId: 1, tasks: 3 }], [], "2027-06-01");
    expect(card.get(1)).toEqual({ periodsDue: 3, onTime: 0 });
  });

  // Any tasks of a few units, plans dated or not, some cancelled, with reports (corrections
  // included) submitted around the due dates at any hour: each unit's card equals the sum of
  // its tasks' pages, where the card gets what the database gives it (tasks counted per unit
  // and window, each task's earliest accepted report per period).
  const day = (offset: number) => addDays("2025-01-01", offset);
  const instant = (offset: number, minutes: number) =>
    new Date(Date.parse(`${day(offset)}T00:00:00.000Z`) + minutes * 60_000).toISOString();
  const task = fc.record({
    unitId: fc.integer({ min: 1, max: 3 }),
    calendar: fc.record({
      frequency: fc.constantFrom("monthly" as const, "quarterly" as const),
      dueDay: fc.integer({ min: 2, max: 31 }),
    }),
    trackedFrom: fc.option(fc.integer({ min: 0, max: 700 }).map(day)),
    imported: fc.integer({ min: 0, max: 700 }),
    ended: fc.option(fc.integer({ min: 0, max: 1100 })),
    reports: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 1100 }),
        late: fc.integer({ min: -40, max: 60 }),
        minute: fc.integer({ min: 0, max: 1439 }),
      }),
      { maxLength: 8 },
    ),
  });

  it("gives every unit the sum of its tasks' pages, for any tasks and reports", () => {
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 6 }),
        fc.integer({ min: 0, max: 1100 }).map(day),
        (tasks, asOf) => {
          const expected = new Map<number, { periodsDue: number; onTime: number }>();
          const groups: TimelinessGroup<number>[] = [];
          const receipts: FirstReceipt<number>[] = [];
          for (const t of tasks) {
            const timeliness: TimelinessTask = {
              calendar: t.calendar,
              trackedFrom: t.trackedFrom,
              planImportedAt: instant(t.imported, 600),
              endedAt: t.ended === null ? null : instant(t.ended, 900),
            };
            const reports: SubmittedReport[] = t.reports.map((r) => ({
              period: periodOf(day(r.at), t.calendar).key,
              submittedAt: instant(r.at + r.late, r.minute),
            }));
            const page = taskReportTimeliness(timeliness, reports, asOf);
            const sum = expected.get(t.unitId) ?? { periodsDue: 0, onTime: 0 };
            sum.periodsDue += page.periodsDue;
            sum.onTime += page.onTime;
            expected.set(t.unitId, sum);
            groups.push({ ...timeliness, unitId: t.unitId, tasks: 1 });
            const first = new Map<string, string>();
            for (const r of reports) {
              const seen = first.get(r.period);
              if (seen === undefined || r.submittedAt < seen) first.set(r.period, r.submittedAt);
            }
            for (const [period, submittedAt] of first)
              receipts.push({ ...timeliness, period, submittedAt, unitId: t.unitId });
          }
          const cards = unitReportTimeliness(groups, receipts, asOf);
          for (const [unit, sum] of expected) expect(cards.get(unit), `unit ${unit}`).toEqual(sum);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
