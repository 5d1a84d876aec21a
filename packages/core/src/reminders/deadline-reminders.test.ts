import { describe, expect, it } from "vitest";
import { deadlineReminderOn, ladderRung } from "./deadline-reminders.js";

const HOLIDAYS = new Set(["2026-04-30", "2026-05-01"]);
const on = (asOf: string, due: string) => deadlineReminderOn(asOf, due, [15, 5, 1], 7, HOLIDAYS);

describe("task deadline reminders and the overdue ladder", () => {
  it.each([
    ["2026-06-15", "2026-06-30", { kind: "due", daysBefore: 15 }],
    ["2026-06-25", "2026-06-30", { kind: "due", daysBefore: 5 }],
    ["2026-06-29", "2026-06-30", { kind: "due", daysBefore: 1 }],
    ["2026-06-26", "2026-06-30", null],
    ["2026-06-30", "2026-06-30", null],
    // 1 day before Monday 22/06 is Sunday: sent on Friday 19/06
    ["2026-06-19", "2026-06-22", { kind: "due", daysBefore: 1 }],
    ["2026-06-21", "2026-06-22", null],
    // the day after, then weekly: staff, head, then the monitoring department and leaders
    ["2026-07-01", "2026-06-30", { kind: "overdue", step: 0, rung: "unit_staff", daysLate: 1 }],
    ["2026-07-02", "2026-06-30", null],
    ["2026-07-08", "2026-06-30", { kind: "overdue", step: 1, rung: "unit_head", daysLate: 8 }],
    [
      "2026-07-15",
      "2026-06-30",
      { kind: "overdue", step: 2, rung: "monitor_leader", daysLate: 15 },
    ],
    [
      "2026-09-30",
      "2026-06-30",
      { kind: "overdue", step: 13, rung: "monitor_leader", daysLate: 92 },
    ],
    // due Friday 26/06: the day after is Saturday, sent on Monday 29/06
    ["2026-06-27", "2026-06-26", null],
    ["2026-06-29", "2026-06-26", { kind: "overdue", step: 0, rung: "unit_staff", daysLate: 3 }],
    // due 29/04: the day after is the 30/4 holiday, then 1/5, a weekend: sent Monday 04/05
    ["2026-05-04", "2026-04-29", { kind: "overdue", step: 0, rung: "unit_staff", daysLate: 5 }],
  ])("on %s a task due %s gets %j", (asOf, due, expected) => {
    expect(on(asOf, due)).toEqual(expected);
  });

  it("climbs one rung per reminder and stays at the top", () => {
    expect([0, 1, 2, 3, 9].map(ladderRung)).toEqual([
      "unit_staff",
      "unit_head",
      "monitor_leader",
      "monitor_leader",
      "monitor_leader",
    ]);
  });
});
