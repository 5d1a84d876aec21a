import { describe, expect, it } from "vitest";
import { dueValuePeriod } from "./due-period.js";

describe("dueValuePeriod", () => {
  it.each([
    ["monthly", "2026-06-01", "2026-05"],
    ["monthly", "2026-01-15", "2025-12"],
    ["monthly", "2026-12-31", "2026-11"],
    ["quarterly", "2026-04-01", "2026-Q1"],
    ["quarterly", "2026-03-31", "2025-Q4"],
    ["quarterly", "2026-12-04", "2026-Q3"],
    ["yearly", "2027-01-10", "2026"],
  ] as const)("%s on %s: %s", (frequency, asOf, period) => {
    expect(dueValuePeriod(frequency, asOf)).toBe(period);
  });
});
