// The acceptance figure, end to end through the importer: plan 596/QĐ-BCT as of
// 01/06/2026 with no reports gives 17 overdue and 11 in-time tasks in PL I and 63 recurring
// tasks in PL II; the seeds' deadlines get the labels plans use.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ImportResult, Task } from "../import/contract.js";
import { importDocument } from "../import/index.js";
import { formatDeadline } from "./deadline.format.js";
import { reportingCompliance } from "./recurring-compliance.js";
import { reportingCalendarFromText } from "./reporting-calendar.parse.js";
import { countStatuses } from "./status-counts.js";
import { taskStatus, type TaskStatusInput } from "./task-status.js";

const seedText = (name: string) =>
  readFileSync(new URL(`../../../../../shared/seeds/${name}`, import.meta.url), "utf8");
const plan596 = importDocument(seedText("qd596-bct-2026-nq57-plan.txt"));
const plan405 = importDocument(seedText("qd405-bct-2026-2030-digital-transformation.txt"));

const taskAppendices = (plan: ImportResult) => plan.appendices.filter((a) => a.kind === "tasks");
const input = (task: Task, completedOn: string | null = null): TaskStatusInput => ({
  kind: task.kind,
  due: task.deadline.due,
  completedOn,
});
const byNumber = (tasks: Task[], number: string) => {
  const task = tasks.find((t) => t.number === number);
  if (!task) throw new Error(`no task ${number}`);
  return task;
};

describe("plan 596/QĐ-BCT as of 01/06/2026 with no reports", () => {
  const [pl1, pl2] = taskAppendices(plan596);
  const pl1Tasks = pl1?.tasks ?? [];
  const pl2Tasks = pl2?.tasks ?? [];

  it("PL I: 17 overdue, 11 in time", () => {
    expect(pl1Tasks).toHaveLength(28);
    expect(
      countStatuses(
        pl1Tasks.map((t) => input(t)),
        "2026-06-01",
      ),
    ).toEqual({
      done_on_time: 0,
      done_late: 0,
      in_time: 11,
      due_soon: 0,
      overdue: 17,
      no_deadline: 0,
      recurring: 0,
    });
  });

  it("PL II: 63 recurring", () => {
    const counts = countStatuses(
      pl2Tasks.map((t) => input(t)),
      "2026-06-01",
    );
    expect(counts.recurring).toBe(63);
    expect(pl2Tasks).toHaveLength(63);
  });

  it("task 7 (Quý I/2026) is 62 days overdue, and done on time once a report says completed 20/03/2026", () => {
    const task7 = byNumber(pl1Tasks, "7");
    expect(taskStatus(input(task7), "2026-06-01")).toEqual({
      code: "overdue",
      daysOverdue: 62,
      daysLeft: null,
    });
    expect(taskStatus(input(task7, "2026-03-20"), "2026-06-01").code).toBe("done_on_time");
  });

  it("looking back: as of 31/03/2026 the Quý I tasks are due today, not overdue", () => {
    const counts = countStatuses(
      pl1Tasks.map((t) => input(t)),
      "2026-03-31",
    );
    expect(counts.overdue).toBe(0);
    expect(counts.due_soon).toBe(16); // the 16 "Quý I/2026" tasks; 30/04 is 30 days away
    expect(counts.in_time + counts.due_soon).toBe(28);
  });

  it.each([
    ["4", "30/04/2026"],
    ["7", "Quý I/2026"],
    ["20", "Quý IV/2026"],
  ])("task %s is labelled %s", (number, label) => {
    expect(formatDeadline(byNumber(pl1Tasks, number).deadline)).toBe(label);
  });

  it("owes monthly reports before the 20th: April and May are missing as of 01/06/2026", () => {
    const calendar = reportingCalendarFromText(seedText("qd596-bct-2026-nq57-plan.txt"));
    expect(calendar).toEqual({ frequency: "monthly", dueDay: 20 });
    const from = plan596.document.date ?? "";
    const result = reportingCompliance({ calendar: calendar!, from, reports: [] }, "2026-06-01");
    expect(result.periods.map((p) => [p.key, p.dueDate, p.outcome])).toEqual([
      ["2026-04", "2026-04-19", "missing"],
      ["2026-05", "2026-05-19", "missing"],
      ["2026-06", "2026-06-19", "open"],
    ]);
    expect(result.share).toBe(0);
  });
});

describe("plan 405/QĐ-BCT deadline labels", () => {
  const tasks = taskAppendices(plan405).flatMap((a) => a.tasks);
  it.each([
    ["1.1", "Hàng năm", "recurring"],
    ["2.1", "Năm 2026", "in_time"],
    ["2.3", "Thường xuyên", "recurring"],
    ["2.4", "2026 – 2030", "in_time"],
    ["8.4", "Chưa xác định", "no_deadline"],
  ])("task %s: %s, %s as of 01/06/2026", (number, label, code) => {
    const task = byNumber(tasks, number);
    expect(formatDeadline(task.deadline)).toBe(label);
    expect(taskStatus(input(task), "2026-06-01").code).toBe(code);
  });
});
