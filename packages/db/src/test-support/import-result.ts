/**
 * Small ImportResult values (the import contract) for storage tests that need a precise
 * document: a plan, its tasks and their units, written the way the importer returns them.
 */
import type { Deadline, ImportResult, OrgRef, Task } from "@giamsat/core";

export function deadlineOn(due: string, raw = due.split("-").reverse().join("/")): Deadline {
  return { raw, kind: "date", due, start: null, recurrence: null, note: null };
}

export const CONTINUOUS: Deadline = {
  raw: "Thường xuyên",
  kind: "recurring",
  due: null,
  start: null,
  recurrence: "continuous",
  note: null,
};

export function unit(name: string, resolved = true, raw = name): OrgRef {
  return { raw, name, kind: "unit", scope: null, resolved };
}

export function importedTask(number: string, name: string, overrides: Partial<Task> = {}): Task {
  return {
    number,
    refNumber: null,
    groupPath: [],
    role: null,
    name,
    basis: [],
    leader: null,
    lead: [],
    coordinators: [],
    output: null,
    deadline: deadlineOn("2026-12-31", "Quý IV/2026"),
    kind: "time-bound",
    milestones: [],
    extra: {},
    line: 10 + Number.parseInt(number, 10),
    ...overrides,
  };
}

export function importedPlan(
  tasks: Task[],
  document: Partial<ImportResult["document"]> = {},
): ImportResult {
  return {
    document: {
      kind: "Quyết định",
      number: "596/QĐ-BCT",
      date: "2026-03-31",
      issuer: "Bộ Công Thương",
      title: "Kế hoạch hành động thực hiện Nghị quyết số 57-NQ/TW",
      draft: false,
      ...document,
    },
    appendices: [
      {
        title: "PHỤ LỤC I — NHIỆM VỤ CÓ THỜI HẠN",
        kind: "tasks",
        columns: ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
        groups: [],
        tasks,
        indicators: [],
      },
    ],
    warnings: [],
  };
}
