/**
 * The content of a task as the import compares it: every field the document gives, the raw
 * texts beside the normalised values. Built from the import contract and from the stored rows,
 * so that an amended document can be compared with what is stored, field by field.
 * It is also the snapshot kept in task_versions.
 */
import type { Deadline, DocumentRef, OrgRef, Task } from "@giamsat/core";
import type { MilestoneRow, TaskOrgRow, TaskRow } from "../schema.js";

export type OrgContent = OrgRef;

export interface MilestoneContent {
  name: string;
  output: string | null;
  kind: "step" | "phase" | "label";
  deadline: Deadline;
}

export interface TaskContent {
  number: string | null;
  refNumber: string | null;
  groupPath: string[];
  role: "lead" | "support" | null;
  name: string;
  kind: "time-bound" | "recurring";
  leader: string | null;
  output: string | null;
  deadline: Deadline;
  basis: DocumentRef[];
  extra: Record<string, string>;
  lead: OrgContent[];
  coordinators: OrgContent[];
  milestones: MilestoneContent[];
}

export type TaskField = keyof TaskContent;

/** Vietnamese names of the fields, for the change summary. */
export const TASK_FIELD_LABELS: Record<TaskField, string> = {
  number: "Số thứ tự",
  refNumber: "Số tham chiếu",
  groupPath: "Nhóm",
  role: "Vai trò",
  name: "Tên nhiệm vụ",
  kind: "Loại nhiệm vụ",
  leader: "Lãnh đạo chỉ đạo",
  output: "Sản phẩm",
  deadline: "Thời hạn",
  basis: "Văn bản giao",
  extra: "Cột khác",
  lead: "Đơn vị chủ trì",
  coordinators: "Đơn vị phối hợp",
  milestones: "Bước thực hiện",
};

const deadline = (d: Deadline): Deadline => ({
  raw: d.raw,
  kind: d.kind,
  due: d.due,
  start: d.start,
  recurrence: d.recurrence,
  note: d.note,
});

const org = (o: OrgRef): OrgContent => ({
  raw: o.raw,
  name: o.name,
  kind: o.kind,
  scope: o.scope,
  resolved: o.resolved,
});

const sortedRecord = (r: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function contentFromImport(task: Task): TaskContent {
  return {
    number: task.number,
    refNumber: task.refNumber,
    groupPath: [...task.groupPath],
    role: task.role,
    name: task.name,
    kind: task.kind,
    leader: task.leader,
    output: task.output,
    deadline: deadline(task.deadline),
    basis: task.basis.map((b) => ({
      raw: b.raw,
      kind: b.kind,
      number: b.number,
      date: b.date,
      key: b.key,
    })),
    extra: sortedRecord(task.extra),
    lead: task.lead.map(org),
    coordinators: task.coordinators.map(org),
    milestones: task.milestones.map((m) => ({
      name: m.name,
      output: m.output,
      kind: m.kind,
      deadline: deadline(m.deadline),
    })),
  };
}

const storedDeadline = (r: {
  deadline_raw: string;
  deadline_kind: Deadline["kind"];
  due_date: string | null;
  start_date: string | null;
  recurrence: Deadline["recurrence"];
  deadline_note: string | null;
}): Deadline => ({
  raw: r.deadline_raw,
  kind: r.deadline_kind,
  due: r.due_date,
  start: r.start_date,
  recurrence: r.recurrence,
  note: r.deadline_note,
});

const storedOrg = (o: TaskOrgRow): OrgContent => ({
  raw: o.raw,
  name: o.name,
  kind: o.kind,
  scope: o.scope,
  resolved: o.resolved === 1,
});

export function contentFromStored(
  task: TaskRow,
  orgs: readonly TaskOrgRow[],
  milestones: readonly MilestoneRow[],
): TaskContent {
  const byOrdinal = <T extends { ordinal: number }>(a: T, b: T) => a.ordinal - b.ordinal;
  return {
    number: task.number,
    refNumber: task.ref_number,
    groupPath: JSON.parse(task.group_path) as string[],
    role: task.role,
    name: task.name,
    kind: task.kind,
    leader: task.leader,
    output: task.output,
    deadline: storedDeadline(task),
    basis: JSON.parse(task.basis) as DocumentRef[],
    extra: sortedRecord(JSON.parse(task.extra) as Record<string, string>),
    lead: orgs
      .filter((o) => o.role === "lead")
      .sort(byOrdinal)
      .map(storedOrg),
    coordinators: orgs
      .filter((o) => o.role === "coordinator")
      .sort(byOrdinal)
      .map(storedOrg),
    milestones: [...milestones].sort(byOrdinal).map((m) => ({
      name: m.name,
      output: m.output,
      kind: m.kind,
      deadline: storedDeadline(m),
    })),
  };
}

export interface FieldChange {
  field: TaskField;
  before: unknown;
  after: unknown;
}

/** The fields whose values differ (compared as JSON). */
export function diffContent(before: TaskContent, after: TaskContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(TASK_FIELD_LABELS) as TaskField[]) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes.push({ field, before: before[field], after: after[field] });
    }
  }
  return changes;
}
