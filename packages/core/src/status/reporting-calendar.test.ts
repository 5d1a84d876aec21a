import { describe, expect, it } from "vitest";
import { addDays } from "./dates.js";
import {
  dueDatesBefore,
  nextDue,
  periodFromKey,
  periodOf,
  periodsBetween,
  type Period,
  type ReportingCalendar,
} from "./reporting-calendar.js";

const monthly: ReportingCalendar = { frequency: "monthly", dueDay: 20 }; // plan 596
const quarterly: ReportingCalendar = { frequency: "quarterly", dueDay: 20 }; // plan 405

describe("periodOf, monthly before the 20th (plan 596)", () => {
  it.each<[string, Period]>([
    [
      "2026-05-01",
      {
        key: "2026-05",
        label: "Tháng 5/2026",
        start: "2026-05-01",
        end: "2026-05-31",
        dueDate: "2026-05-19",
      },
    ],
    [
      "2026-05-31",
      {
        key: "2026-05",
        label: "Tháng 5/2026",
        start: "2026-05-01",
        end: "2026-05-31",
        dueDate: "2026-05-19",
      },
    ],
    [
      "2026-12-25",
      {
        key: "2026-12",
        label: "Tháng 12/2026",
        start: "2026-12-01",
        end: "2026-12-31",
        dueDate: "2026-12-19",
      },
    ],
    [
      "2027-01-02",
      {
        key: "2027-01",
        label: "Tháng 1/2027",
        start: "2027-01-01",
        end: "2027-01-31",
        dueDate: "2027-01-19",
      },
    ],
    [
      "2028-02-29",
      {
        key: "2028-02",
        label: "Tháng 2/2028",
        start: "2028-02-01",
        end: "2028-02-29",
        dueDate: "2028-02-19",
      },
    ],
    [
      "2026-02-10",
      {
        key: "2026-02",
        label: "Tháng 2/2026",
        start: "2026-02-01",
        end: "2026-02-28",
        dueDate: "2026-02-19",
      },
    ],
  ])("%s", (date, period) => expect(periodOf(date, monthly)).toEqual(period));
});

describe("periodOf, quarterly before the 20th of the quarter's last month (plan 405)", () => {
  it.each<[string, Period]>([
    [
      "2026-04-01",
      {
        key: "2026-Q2",
        label: "Quý II/2026",
        start: "2026-04-01",
        end: "2026-06-30",
        dueDate: "2026-06-19",
      },
    ],
    [
      "2026-06-30",
      {
        key: "2026-Q2",
        label: "Quý II/2026",
        start: "2026-04-01",
        end: "2026-06-30",
        dueDate: "2026-06-19",
      },
    ],
    [
      "2026-11-30",
      {
        key: "2026-Q4",
        label: "Quý IV/2026",
        start: "2026-10-01",
        end: "2026-12-31",
        dueDate: "2026-12-19",
      },
    ],
    [
      "2027-01-01",
      {
        key: "2027-Q1",
        label: "Quý I/2027",
        start: "2027-01-01",
        end: "2027-03-31",
        dueDate: "2027-03-19",
      },
    ],
    [
      "2028-02-29",
      {
        key: "2028-Q1",
        label: "Quý I/2028",
        start: "2028-01-01",
        end: "2028-03-31",
        dueDate: "2028-03-19",
      },
    ],
  ])("%s", (date, period) => expect(periodOf(date, quarterly)).toEqual(period));
});

describe("a due day past a month's end is clamped to its last day", () => {
  it.each<[ReportingCalendar, string, string]>([
    [{ frequency: "monthly", dueDay: 31 }, "2026-02-05", "2026-02-28"],
    [{ frequency: "monthly", dueDay: 31 }, "2028-02-05", "2028-02-29"],
    [{ frequency: "monthly", dueDay: 31 }, "2026-04-05", "2026-04-30"],
    [{ frequency: "monthly", dueDay: 31 }, "2026-05-05", "2026-05-30"],
    [{ frequency: "monthly", dueDay: 30 }, "2026-02-05", "2026-02-28"],
    [{ frequency: "quarterly", dueDay: 31 }, "2026-05-05", "2026-06-30"],
    [{ frequency: "monthly", dueDay: 2 }, "2026-05-05", "2026-05-01"],
  ])("%j: the period of %s is due %s", (cal, date, due) =>
    expect(periodOf(date, cal).dueDate).toBe(due),
  );
});

describe("periodsBetween", () => {
  it.each<[string, string, ReportingCalendar, string[]]>([
    ["2026-11-15", "2027-02-01", monthly, ["2026-11", "2026-12", "2027-01", "2027-02"]],
    ["2026-03-31", "2026-06-01", monthly, ["2026-03", "2026-04", "2026-05", "2026-06"]],
    ["2026-05-10", "2026-05-20", monthly, ["2026-05"]],
    ["2026-08-15", "2027-04-01", quarterly, ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]],
    ["2027-12-31", "2028-03-01", quarterly, ["2027-Q4", "2028-Q1"]],
    ["2026-06-02", "2026-06-01", monthly, []],
  ])("%s..%s %j", (from, to, cal, keys) => {
    expect(periodsBetween(from, to, cal).map((p) => p.key)).toEqual(keys);
  });
});

describe("nextDue", () => {
  it.each<[string, ReportingCalendar, string, string]>([
    ["2026-05-01", monthly, "2026-05", "2026-05-19"],
    ["2026-05-19", monthly, "2026-05", "2026-05-19"],
    ["2026-05-20", monthly, "2026-06", "2026-06-19"],
    ["2026-12-20", monthly, "2027-01", "2027-01-19"],
    ["2028-01-25", monthly, "2028-02", "2028-02-19"],
    ["2026-06-19", quarterly, "2026-Q2", "2026-06-19"],
    ["2026-06-20", quarterly, "2026-Q3", "2026-09-19"],
    ["2026-12-20", quarterly, "2027-Q1", "2027-03-19"],
  ])("as of %s (%j): %s due %s", (asOf, cal, key, due) => {
    const p = nextDue(asOf, cal);
    expect([p.key, p.dueDate]).toEqual([key, due]);
  });
});

describe("periodFromKey", () => {
  it.each<[string, ReportingCalendar, string]>([
    ["2026-05", monthly, "Tháng 5/2026"],
    ["2026-12", monthly, "Tháng 12/2026"],
    ["2026-Q4", quarterly, "Quý IV/2026"],
  ])("%s → %s", (key, cal, label) => {
    const p = periodFromKey(key, cal);
    expect([p.key, p.label]).toEqual([key, label]);
  });
  it.each<[string, ReportingCalendar]>([
    ["2026-13", monthly],
    ["2026-00", monthly],
    ["2026-Q2", monthly],
    ["2026-05", quarterly],
    ["2026-Q5", quarterly],
    ["Tháng 5", monthly],
  ])("rejects %s for %j", (key, cal) =>
    expect(() => periodFromKey(key, cal)).toThrow(/Kỳ báo cáo/),
  );
});

describe("invalid calendars", () => {
  it.each<ReportingCalendar>([
    { frequency: "monthly", dueDay: 1 },
    { frequency: "monthly", dueDay: 32 },
    { frequency: "monthly", dueDay: 19.5 },
    { frequency: "yearly" as "monthly", dueDay: 20 },
  ])("%j is refused", (cal) => expect(() => periodOf("2026-05-01", cal)).toThrow(/báo cáo/));
});

describe("dueDatesBefore", () => {
  // the due dates in [a, b) are what periodsBetween gives, for every pair of days of 2024–2025
  // (a leap February, clamped due days, quarters) and calendars with due days 2, 20 and 31
  const days = Array.from({ length: 731 }, (_, i) => addDays("2024-01-01", i));
  const calendars: ReportingCalendar[] = [2, 20, 31].flatMap((dueDay) => [
    { frequency: "monthly", dueDay },
    { frequency: "quarterly", dueDay },
  ]);
  it.each(calendars)("counts the due dates between two days for %j", (cal) => {
    const dues = periodsBetween("2023-12-01", "2026-01-31", cal).map((p) => p.dueDate);
    const before = (day: string) => dues.filter((d) => d < day).length;
    const base = dueDatesBefore("2023-12-01", cal);
    for (const day of days) expect(dueDatesBefore(day, cal) - base, day).toBe(before(day));
  });
});
