import { describe, expect, it } from "vitest";
import {
  STATUS_CODES,
  STATUS_LABELS,
  STATUS_SHORT_LABELS,
  emptyStatusCounts,
} from "./status-labels.js";
import { taskStatus, type TaskStatus, type TaskStatusInput } from "./task-status.js";

const timeBound = (due: string | null, completedOn: string | null = null): TaskStatusInput => ({
  kind: "time-bound",
  due,
  completedOn,
});

describe("taskStatus of a time-bound task", () => {
  it.each<[string, TaskStatusInput, string, TaskStatus]>([
    [
      "completed before the deadline",
      timeBound("2026-03-31", "2026-03-20"),
      "2026-06-01",
      { code: "done_on_time", daysOverdue: null, daysLeft: null },
    ],
    [
      "completed on the deadline day",
      timeBound("2026-03-31", "2026-03-31"),
      "2026-06-01",
      { code: "done_on_time", daysOverdue: null, daysLeft: null },
    ],
    [
      "completed the day after",
      timeBound("2026-03-31", "2026-04-01"),
      "2026-06-01",
      { code: "done_late", daysOverdue: 1, daysLeft: null },
    ],
    [
      "completed a month late",
      timeBound("2026-03-31", "2026-05-01"),
      "2026-06-01",
      { code: "done_late", daysOverdue: 31, daysLeft: null },
    ],
    [
      "completed before the deadline, seen before it",
      timeBound("2026-06-30", "2026-05-10"),
      "2026-06-01",
      { code: "done_on_time", daysOverdue: null, daysLeft: null },
    ],
    [
      "completion after asOf is not known yet (overdue then)",
      timeBound("2026-03-31", "2026-06-10"),
      "2026-06-01",
      { code: "overdue", daysOverdue: 62, daysLeft: null },
    ],
    [
      "completion after asOf is not known yet (in time then)",
      timeBound("2026-12-31", "2026-07-01"),
      "2026-06-01",
      { code: "in_time", daysOverdue: null, daysLeft: 213 },
    ],
    [
      "completion on asOf counts",
      timeBound("2026-03-31", "2026-06-01"),
      "2026-06-01",
      { code: "done_late", daysOverdue: 62, daysLeft: null },
    ],
    [
      "deadline day itself is in time (due soon, 0 days left)",
      timeBound("2026-06-30", null),
      "2026-06-30",
      { code: "due_soon", daysOverdue: null, daysLeft: 0 },
    ],
    [
      "the day after the deadline is 1 day overdue",
      timeBound("2026-06-30", null),
      "2026-07-01",
      { code: "overdue", daysOverdue: 1, daysLeft: null },
    ],
    [
      "overdue across a year end",
      timeBound("2026-12-31", null),
      "2027-01-02",
      { code: "overdue", daysOverdue: 2, daysLeft: null },
    ],
    [
      "overdue across 29/02/2028",
      timeBound("2028-02-28", null),
      "2028-03-01",
      { code: "overdue", daysOverdue: 2, daysLeft: null },
    ],
    [
      "15 days left is due soon",
      timeBound("2026-06-30", null),
      "2026-06-15",
      { code: "due_soon", daysOverdue: null, daysLeft: 15 },
    ],
    [
      "16 days left is in time",
      timeBound("2026-06-30", null),
      "2026-06-14",
      { code: "in_time", daysOverdue: null, daysLeft: 16 },
    ],
    [
      "Quý II seen on 01/06 is in time",
      timeBound("2026-06-30", null),
      "2026-06-01",
      { code: "in_time", daysOverdue: null, daysLeft: 29 },
    ],
    [
      "no due date",
      timeBound(null, null),
      "2026-06-01",
      { code: "no_deadline", daysOverdue: null, daysLeft: null },
    ],
    [
      "no due date but completed",
      timeBound(null, "2026-05-01"),
      "2026-06-01",
      { code: "done_on_time", daysOverdue: null, daysLeft: null },
    ],
    [
      "no due date, completion not known yet",
      timeBound(null, "2026-07-01"),
      "2026-06-01",
      { code: "no_deadline", daysOverdue: null, daysLeft: null },
    ],
  ])("%s", (_name, input, asOf, expected) => expect(taskStatus(input, asOf)).toEqual(expected));
});

describe("taskStatus of a recurring task", () => {
  it.each([
    [null, null],
    ["2026-12-31", null],
    [null, "2026-05-01"],
  ])("is recurring whatever its due (%s) and completion (%s)", (due, completedOn) => {
    expect(taskStatus({ kind: "recurring", due, completedOn }, "2026-06-01")).toEqual({
      code: "recurring",
      daysOverdue: null,
      daysLeft: null,
    });
  });
});

describe("the due-soon window", () => {
  it.each([
    [0, "2026-06-30", "due_soon"],
    [0, "2026-06-29", "in_time"],
    [30, "2026-05-31", "due_soon"],
    [30, "2026-05-30", "in_time"],
  ])("with %i days, as of %s a task due 30/06 is %s", (dueSoonDays, asOf, code) => {
    expect(taskStatus(timeBound("2026-06-30"), asOf, { dueSoonDays }).code).toBe(code);
  });
  it.each([-1, 1.5, Number.NaN])("rejects %d days", (dueSoonDays) => {
    expect(() => taskStatus(timeBound("2026-06-30"), "2026-06-01", { dueSoonDays })).toThrow(
      /sắp đến hạn/,
    );
  });
});

describe("bad dates are refused with the field named", () => {
  it.each<[TaskStatusInput, string, RegExp]>([
    [timeBound("2026-02-30"), "2026-06-01", /"due"/],
    [timeBound("2026-06-30", "30/05/2026"), "2026-06-01", /"completedOn"/],
    [timeBound("2026-06-30"), "01/06/2026", /"asOf"/],
  ])("%j as of %s", (input, asOf, field) => expect(() => taskStatus(input, asOf)).toThrow(field));
});

describe("labels", () => {
  it("has the Government Office wording for every code, and 'Quá hạn' for overdue", () => {
    expect(STATUS_LABELS.overdue).toBe("Chưa hoàn thành – quá hạn");
    expect(STATUS_LABELS.in_time).toBe("Chưa hoàn thành – trong hạn");
    expect(STATUS_SHORT_LABELS.overdue).toBe("Quá hạn");
    for (const code of STATUS_CODES) {
      expect(STATUS_LABELS[code]).toMatch(/\S/);
      expect(STATUS_SHORT_LABELS[code]).toMatch(/\S/);
    }
    expect(new Set(Object.values(STATUS_LABELS)).size).toBe(STATUS_CODES.length);
  });
  it("starts counts at zero for every code", () => {
    expect(Object.keys(emptyStatusCounts())).toEqual([...STATUS_CODES]);
    expect(Object.values(emptyStatusCounts()).every((n) => n === 0)).toBe(true);
  });
});
