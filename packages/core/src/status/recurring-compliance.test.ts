import { describe, expect, it } from "vitest";
import { reportingCompliance, type ReceivedReport } from "./recurring-compliance.js";
import type { ReportingCalendar } from "./reporting-calendar.js";

const monthly: ReportingCalendar = { frequency: "monthly", dueDay: 20 };
const quarterly: ReportingCalendar = { frequency: "quarterly", dueDay: 20 };
const r = (period: string, receivedOn: string): ReceivedReport => ({ period, receivedOn });

type Row = [
  string,
  ReportingCalendar,
  string,
  ReceivedReport[],
  string,
  { periodsDue: number; onTime: number; late: number; missing: number; share: number | null },
];

describe("reportingCompliance (plan 596 from 31/03/2026, monthly before the 20th)", () => {
  it.each<Row>([
    [
      "nothing owed before the first due date",
      monthly,
      "2026-03-31",
      [],
      "2026-04-19",
      { periodsDue: 0, onTime: 0, late: 0, missing: 0, share: null },
    ],
    [
      "April missing the day after its due date",
      monthly,
      "2026-03-31",
      [],
      "2026-04-20",
      { periodsDue: 1, onTime: 0, late: 0, missing: 1, share: 0 },
    ],
    [
      "April, May missing as of 01/06",
      monthly,
      "2026-03-31",
      [],
      "2026-06-01",
      { periodsDue: 2, onTime: 0, late: 0, missing: 2, share: 0 },
    ],
    [
      "on the due day itself, on time",
      monthly,
      "2026-03-31",
      [r("2026-04", "2026-04-19")],
      "2026-06-01",
      { periodsDue: 2, onTime: 1, late: 0, missing: 1, share: 0.5 },
    ],
    [
      "on the 20th, late",
      monthly,
      "2026-03-31",
      [r("2026-04", "2026-04-20"), r("2026-05", "2026-05-02")],
      "2026-06-01",
      { periodsDue: 2, onTime: 1, late: 1, missing: 0, share: 0.5 },
    ],
    [
      "a report already in counts before its due date",
      monthly,
      "2026-03-31",
      [r("2026-04", "2026-04-10"), r("2026-05", "2026-05-10")],
      "2026-05-12",
      { periodsDue: 2, onTime: 2, late: 0, missing: 0, share: 1 },
    ],
    [
      "a report received after asOf is not known yet",
      monthly,
      "2026-03-31",
      [r("2026-04", "2026-04-10"), r("2026-05", "2026-05-25")],
      "2026-05-21",
      { periodsDue: 2, onTime: 1, late: 0, missing: 1, share: 0.5 },
    ],
    [
      "the earliest of two reports for a period counts",
      monthly,
      "2026-03-31",
      [r("2026-04", "2026-04-25"), r("2026-04", "2026-04-15")],
      "2026-05-01",
      { periodsDue: 1, onTime: 1, late: 0, missing: 0, share: 1 },
    ],
    [
      "December → January",
      monthly,
      "2026-12-01",
      [r("2026-12", "2026-12-19"), r("2027-01", "2027-01-21")],
      "2027-02-01",
      { periodsDue: 2, onTime: 1, late: 1, missing: 0, share: 0.5 },
    ],
    [
      "February of a leap year",
      monthly,
      "2028-02-01",
      [r("2028-02", "2028-02-19")],
      "2028-02-29",
      { periodsDue: 1, onTime: 1, late: 0, missing: 0, share: 1 },
    ],
    [
      "quarters across a year (plan 405)",
      quarterly,
      "2026-03-09",
      [r("2026-Q1", "2026-03-18"), r("2026-Q2", "2026-06-22"), r("2026-Q4", "2026-12-01")],
      "2027-03-20",
      { periodsDue: 5, onTime: 2, late: 1, missing: 2, share: 0.4 },
    ],
    [
      "a plan issued after its quarter's due date owes nothing for it",
      quarterly,
      "2026-03-25",
      [],
      "2026-06-20",
      { periodsDue: 1, onTime: 0, late: 0, missing: 1, share: 0 },
    ],
  ])("%s", (_name, calendar, from, reports, asOf, expected) => {
    const { periods: _periods, ...counts } = reportingCompliance({ calendar, from, reports }, asOf);
    expect(counts).toEqual(expected);
  });
});

describe("reportingCompliance details", () => {
  it("lists owed periods with outcomes, the open one last", () => {
    const result = reportingCompliance(
      { calendar: monthly, from: "2026-03-31", reports: [r("2026-04", "2026-04-18")] },
      "2026-06-01",
    );
    expect(result.periods.map((p) => [p.key, p.outcome, p.receivedOn])).toEqual([
      ["2026-04", "on_time", "2026-04-18"],
      ["2026-05", "missing", null],
      ["2026-06", "open", null],
    ]);
  });
  it("stops owing reports after `until` (a task completed in May)", () => {
    const result = reportingCompliance(
      { calendar: monthly, from: "2026-03-31", until: "2026-05-05", reports: [] },
      "2026-09-01",
    );
    expect(result.periods.map((p) => p.key)).toEqual(["2026-04", "2026-05"]);
    expect(result.missing).toBe(2);
  });
  it("ignores reports for periods that were not owed", () => {
    const result = reportingCompliance(
      { calendar: monthly, from: "2026-03-31", reports: [r("2026-03", "2026-03-10")] },
      "2026-04-10",
    );
    expect(result.periodsDue).toBe(0);
  });
  it.each([
    ["asOf", { calendar: monthly, from: "2026-03-31", reports: [] }, "2026-06-31"],
    ["from", { calendar: monthly, from: "31/03/2026", reports: [] }, "2026-06-01"],
    [
      "until",
      { calendar: monthly, from: "2026-03-31", until: "2026-13-01", reports: [] },
      "2026-06-01",
    ],
  ])("refuses a bad %s date", (_field, input, asOf) => {
    expect(() => reportingCompliance(input, asOf)).toThrow(/Ngày không hợp lệ/);
  });
});
