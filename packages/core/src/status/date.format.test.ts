import { describe, expect, it } from "vitest";
import { formatDate, formatMonth, formatPeriodKey, formatQuarter } from "./date.format.js";

describe("Vietnamese date forms", () => {
  it.each([
    ["2026-06-30", "30/06/2026"],
    ["2026-01-05", "05/01/2026"],
    ["2028-02-29", "29/02/2028"],
  ])("formatDate(%s) = %s", (iso, text) => expect(formatDate(iso)).toBe(text));

  it.each([
    ["2026-01-01", "Quý I/2026"],
    ["2026-06-30", "Quý II/2026"],
    ["2026-07-01", "Quý III/2026"],
    ["2030-12-31", "Quý IV/2030"],
  ])("formatQuarter(%s) = %s", (iso, text) => expect(formatQuarter(iso)).toBe(text));

  it("formats an explicit year and quarter", () =>
    expect(formatQuarter(2027, 4)).toBe("Quý IV/2027"));
  it("rejects a fifth quarter", () => expect(() => formatQuarter(2027, 5)).toThrow(RangeError));
  it("formats a month", () => expect(formatMonth("2026-05-19")).toBe("Tháng 5/2026"));
  it("rejects a non-date", () =>
    expect(() => formatDate("2026-02-30")).toThrow(/Ngày không hợp lệ/));

  it.each([
    ["2026-12", "Tháng 12/2026"],
    ["2026-05", "Tháng 5/2026"],
    ["2026-Q4", "Quý IV/2026"],
    ["2027-Q1", "Quý I/2027"],
    ["2026", "Năm 2026"],
    ["2026-13", "2026-13"],
    ["không rõ", "không rõ"],
  ])("formatPeriodKey(%s) = %s", (key, text) => expect(formatPeriodKey(key)).toBe(text));
});
