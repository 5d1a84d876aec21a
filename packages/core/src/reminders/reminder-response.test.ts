import { describe, expect, it } from "vitest";
import { median, reminderResponseByUnit } from "./reminder-response.js";

describe("median", () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 2, 10], 3],
  ])("%j → %s", (values, expected) => expect(median(values)).toBe(expected));
});

describe("time from a reminder to the reports, per unit", () => {
  const at = (day: string, hour = "02:00") => `2026-06-${day}T${hour}:00.000Z`;
  it("takes the median of the days after the reminder, to one decimal; earlier reports do not count", () => {
    const byUnit = reminderResponseByUnit([
      { unitId: 1, remindedAt: at("15"), reportedAt: at("16") }, // 1 day
      { unitId: 1, remindedAt: at("15"), reportedAt: at("18", "14:00") }, // 3.5 days
      { unitId: 1, remindedAt: at("15"), reportedAt: at("19") }, // 4 days
      { unitId: 2, remindedAt: at("15"), reportedAt: at("15", "08:00") }, // 0.25 day
      { unitId: 2, remindedAt: at("15"), reportedAt: at("17", "08:00") }, // 2.25 days
      { unitId: 3, remindedAt: at("15"), reportedAt: at("10") }, // before: not counted
    ]);
    expect(byUnit.get(1)).toEqual({ medianDays: 3.5, reports: 3 });
    expect(byUnit.get(2)).toEqual({ medianDays: 1.3, reports: 2 });
    expect(byUnit.has(3)).toBe(false);
  });
});
