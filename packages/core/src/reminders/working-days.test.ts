import { describe, expect, it } from "vitest";
import {
  isFirstWorkingDayOfWeek,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBefore,
} from "./working-days.js";

// Tết Bính Ngọ 2026 (14/02–22/02) and Giỗ Tổ (compensated on Monday 27/04), as an admin keeps them.
const TET = ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"];
const HOLIDAYS = new Set([...TET, "2026-04-27", "2026-04-30", "2026-05-01"]);

describe("working days", () => {
  it.each([
    ["2026-06-15", true], // Monday
    ["2026-06-20", false], // Saturday
    ["2026-06-21", false], // Sunday
    ["2026-02-18", false], // Tết
    ["2026-02-23", true],
    ["2026-04-30", false],
  ])("%s is a working day: %s", (date, expected) => {
    expect(isWorkingDay(date, HOLIDAYS)).toBe(expected);
  });

  it.each([
    ["2026-06-20", 5, "2026-06-15"],
    ["2026-06-20", 1, "2026-06-19"],
    ["2026-06-22", 1, "2026-06-19"],
    ["2026-02-20", 5, "2026-02-09"], // report day 20/02 in Tết: five working days before skip Tết
    ["2026-02-20", 1, "2026-02-13"],
    ["2026-05-04", 2, "2026-04-28"], // over 30/4 and 1/5
    ["2026-05-04", 3, "2026-04-24"], // and over the Giỗ Tổ compensation day
  ])("%s minus %i working days is %s", (day, n, expected) => {
    expect(workingDaysBefore(day, n, HOLIDAYS)).toBe(expected);
  });

  it("moves a day to the nearest working day on either side", () => {
    expect(workingDayOnOrBefore("2026-02-21", HOLIDAYS)).toBe("2026-02-13");
    expect(workingDayOnOrAfter("2026-02-14", HOLIDAYS)).toBe("2026-02-23");
    expect(workingDayOnOrAfter("2026-06-15", HOLIDAYS)).toBe("2026-06-15");
  });
});

describe("the first working day of a week (the leaders' weekly digest)", () => {
  it.each([
    ["2026-06-15", true], // Monday
    ["2026-06-16", false],
    ["2026-06-14", false], // Sunday
    ["2026-04-27", false], // Monday, the Giỗ Tổ compensation day
    ["2026-04-28", true], // so Tuesday
    ["2026-02-16", false], // Tết week: Monday to Friday are holidays
    ["2026-02-23", true],
  ])("%s: %s", (date, expected) => {
    expect(isFirstWorkingDayOfWeek(date, HOLIDAYS)).toBe(expected);
  });
});
