import { describe, expect, it } from "vitest";
import { reportPeriodStart, reportPeriodTitle } from "./report-period.js";

describe("the period a report as of a date covers", () => {
  it.each([
    ["month", "2026-06-01", "tháng 5/2026", "2026-05-01"],
    ["month", "2026-05-20", "tháng 5/2026", "2026-05-01"],
    ["month", "2026-01-01", "tháng 12/2025", "2025-12-01"],
    ["quarter", "2026-07-01", "quý II/2026", "2026-04-01"],
    ["quarter", "2026-06-15", "quý II/2026", "2026-04-01"],
    ["half", "2026-07-01", "6 tháng đầu năm 2026", "2026-01-01"],
    ["half", "2026-12-15", "6 tháng cuối năm 2026", "2026-07-01"],
    ["year", "2027-01-01", "năm 2026", "2026-01-01"],
  ] as const)("%s as of %s: %s from %s", (period, asOf, title, start) => {
    expect(reportPeriodTitle(period, asOf)).toBe(title);
    expect(reportPeriodStart(period, asOf)).toBe(start);
  });
});
