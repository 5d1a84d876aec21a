import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  endOfMonth,
  endOfQuarter,
  isLeapYear,
  parseIsoDate,
  quarterOf,
  startOfQuarter,
} from "./dates.js";

describe("leap years and month lengths", () => {
  it.each([
    [2024, true],
    [2026, false],
    [2028, true],
    [2100, false],
    [2000, true],
  ])("isLeapYear(%i) is %s", (year, leap) => expect(isLeapYear(year)).toBe(leap));

  it.each([
    [2026, 2, 28],
    [2028, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("%i-%i has %i days", (y, m, n) => expect(daysInMonth(y, m)).toBe(n));
});

describe("parseIsoDate", () => {
  it("reads a valid date", () =>
    expect(parseIsoDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 }));
  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-6-1", "30/06/2026", "", "2026-06-31"])(
    "rejects %j with a Vietnamese message",
    (text) => expect(() => parseIsoDate(text)).toThrow(/Ngày không hợp lệ/),
  );
});

describe("day arithmetic", () => {
  it.each([
    ["2026-06-30", 1, "2026-07-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2026-03-29", 1, "2026-03-30"], // a daylight-saving weekend elsewhere changes nothing here
    ["2026-01-01", 365, "2027-01-01"],
    ["2028-01-01", 366, "2029-01-01"],
  ])("addDays(%s, %i) = %s", (from, n, to) => expect(addDays(from, n)).toBe(to));

  it.each([
    ["2026-06-30", "2026-07-01", 1],
    ["2026-07-01", "2026-06-30", -1],
    ["2026-03-31", "2026-06-01", 62],
    ["2028-02-01", "2028-03-01", 29],
    ["2026-12-31", "2026-12-31", 0],
  ])("daysBetween(%s, %s) = %i", (a, b, n) => expect(daysBetween(a, b)).toBe(n));

  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-11-15", 2, "2027-01-15"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-10-01", 3, "2027-01-01"],
  ])("addMonths(%s, %i) = %s", (from, n, to) => expect(addMonths(from, n)).toBe(to));
});

describe("month and quarter bounds", () => {
  it.each([
    ["2026-02-10", "2026-02-28", 1, "2026-01-01", "2026-03-31"],
    ["2028-02-10", "2028-02-29", 1, "2028-01-01", "2028-03-31"],
    ["2026-05-19", "2026-05-31", 2, "2026-04-01", "2026-06-30"],
    ["2026-09-30", "2026-09-30", 3, "2026-07-01", "2026-09-30"],
    ["2026-12-01", "2026-12-31", 4, "2026-10-01", "2026-12-31"],
  ])("%s: month ends %s, quarter %i from %s to %s", (d, eom, q, soq, eoq) => {
    expect(endOfMonth(d)).toBe(eom);
    expect(quarterOf(d)).toBe(q);
    expect(startOfQuarter(d)).toBe(soq);
    expect(endOfQuarter(d)).toBe(eoq);
  });
});
