import { describe, expect, it } from "vitest";
import { countStatuses } from "./status-counts.js";
import type { TaskStatusInput } from "./task-status.js";

const tasks: TaskStatusInput[] = [
  { kind: "time-bound", due: "2026-03-31", completedOn: null },
  { kind: "time-bound", due: "2026-03-31", completedOn: "2026-03-20" },
  { kind: "time-bound", due: "2026-04-30", completedOn: "2026-05-02" },
  { kind: "time-bound", due: "2026-06-10", completedOn: null },
  { kind: "time-bound", due: "2026-12-31", completedOn: "2026-07-01" },
  { kind: "time-bound", due: null, completedOn: null },
  { kind: "recurring", due: null, completedOn: null },
];

describe("countStatuses", () => {
  it.each([
    [
      "2026-03-20",
      {
        done_on_time: 1,
        done_late: 0,
        in_time: 3,
        due_soon: 1,
        overdue: 0,
        no_deadline: 1,
        recurring: 1,
      },
    ],
    [
      "2026-06-01",
      {
        done_on_time: 1,
        done_late: 1,
        in_time: 1,
        due_soon: 1,
        overdue: 1,
        no_deadline: 1,
        recurring: 1,
      },
    ],
    [
      "2026-07-01",
      {
        done_on_time: 2,
        done_late: 1,
        in_time: 0,
        due_soon: 0,
        overdue: 2,
        no_deadline: 1,
        recurring: 1,
      },
    ],
  ])("as of %s", (asOf, counts) => {
    expect(countStatuses(tasks, asOf)).toEqual(counts);
  });
  it("passes the due-soon window on", () => {
    expect(countStatuses(tasks, "2026-06-01", { dueSoonDays: 0 }).due_soon).toBe(0);
  });
});
