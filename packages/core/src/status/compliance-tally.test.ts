import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { owedSchedule, receiptTally, tallyCompliance } from "./compliance-tally.js";
import { addDays } from "./dates.js";
import { firstReceipts, reportingCompliance } from "./recurring-compliance.js";
import { periodOf, type ReportingCalendar } from "./reporting-calendar.js";

const monthly: ReportingCalendar = { frequency: "monthly", dueDay: 20 };

describe("tallyCompliance", () => {
  it("counts plan 596's April on time, May missing and June open (as of 01/06/2026)", () => {
    const schedule = owedSchedule({ calendar: monthly, from: "2026-03-31" }, "2026-06-01");
    expect(schedule.closed).toBe(2);
    const receipts = new Map([["2026-04", "2026-04-18"]]);
    expect(tallyCompliance(schedule, receipts, "2026-06-01")).toEqual({ periodsDue: 2, onTime: 1 });
    // June reported early: due, and on time; March was not owed; a late May report is due, late
    expect(receiptTally(schedule, "2026-06", "2026-05-30", "2026-06-01")).toEqual({
      periodsDue: 1,
      onTime: 1,
    });
    expect(receiptTally(schedule, "2026-03", "2026-03-10", "2026-06-01").periodsDue).toBe(0);
    expect(receiptTally(schedule, "2026-05", "2026-05-25", "2026-06-01")).toEqual({
      periodsDue: 0,
      onTime: 0,
    });
  });

  const day = (offset: number) => addDays("2025-01-01", offset);
  const calendar = fc.record({
    frequency: fc.constantFrom("monthly" as const, "quarterly" as const),
    dueDay: fc.integer({ min: 2, max: 31 }),
  });
  const input = fc.record({
    calendar,
    from: fc.integer({ min: 0, max: 700 }).map(day),
    asOf: fc.integer({ min: 0, max: 1100 }).map(day),
    // reports for periods around the plan's life, received on any day (some after asOf)
    reports: fc.array(
      fc.record({ at: fc.integer({ min: 0, max: 1100 }), late: fc.integer({ min: -40, max: 60 }) }),
      { maxLength: 12 },
    ),
  });

  it("gives reportingCompliance's periodsDue and onTime for any calendar, dates and reports", () => {
    fc.assert(
      fc.property(input, ({ calendar, from, asOf, reports }) => {
        const received = reports.map(({ at, late }) => ({
          period: periodOf(day(at), calendar).key,
          receivedOn: addDays(day(at), late),
        }));
        const expected = reportingCompliance({ calendar, from, reports: received }, asOf);
        const schedule = owedSchedule({ calendar, from }, asOf);
        const tally = tallyCompliance(schedule, firstReceipts(received, asOf), asOf);
        expect(tally).toEqual({ periodsDue: expected.periodsDue, onTime: expected.onTime });
      }),
      { numRuns: 2_000 },
    );
  });
});
