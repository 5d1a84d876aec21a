import {
  formatDeadline,
  STATUS_LABELS,
  toRoman,
  type Deadline,
  type StatusCode,
  type TaskStatus,
} from "@giamsat/core";
import type { TaskOrgRow, TaskRow } from "@giamsat/db";

/** An organisation as a task names it: the raw text beside the directory entry it resolved to. */
export type TaskOrgView = {
  orgId: number | null;
  name: string;
  raw: string;
  kind: "unit" | "group";
  resolved: boolean;
};

export type TaskListItemView = {
  id: number;
  planId: number;
  planNumber: string | null;
  appendixId: number;
  /** the appendix the task is in: its number repeats across appendices */
  appendix: AppendixView;
  number: string | null;
  kind: TaskRow["kind"];
  name: string;
  status: StatusCode;
  statusLabel: string;
  daysOverdue: number | null;
  daysLeft: number | null;
  deadline: Deadline;
  deadlineLabel: string;
  leader: string | null;
  lead: TaskOrgView[];
  output: string | null;
  completedOn: string | null;
  confidential: boolean;
  /** over all plans: the tasks of other plans confirmed as restating this one */
  restatedIn?: { taskId: number; number: string | null; planId: number }[];
};

export type AppendixView = { id: number; ordinal: number; title: string; label: string };

/** An appendix with its short label, "Phụ lục II" (ordinal 2). */
export function appendixView(a: { id: number; ordinal: number; title: string }): AppendixView {
  return { id: a.id, ordinal: a.ordinal, title: a.title, label: `Phụ lục ${toRoman(a.ordinal)}` };
}

export function orgView(o: TaskOrgRow): TaskOrgView {
  return { orgId: o.org_id, name: o.name, raw: o.raw, kind: o.kind, resolved: o.resolved === 1 };
}

export function deadlineOf(
  t: Pick<
    TaskRow,
    "deadline_raw" | "deadline_kind" | "due_date" | "start_date" | "recurrence" | "deadline_note"
  >,
): Deadline {
  return {
    raw: t.deadline_raw,
    kind: t.deadline_kind,
    due: t.due_date,
    start: t.start_date,
    recurrence: t.recurrence,
    note: t.deadline_note,
  };
}

export function taskListItem(
  t: TaskRow & { plan_number: string | null; appendix_ordinal: number; appendix_title: string },
  status: TaskStatus,
  lead: readonly TaskOrgRow[],
): TaskListItemView {
  const deadline = deadlineOf(t);
  return {
    id: t.id,
    planId: t.plan_id,
    planNumber: t.plan_number,
    appendixId: t.appendix_id,
    appendix: appendixView({
      id: t.appendix_id,
      ordinal: t.appendix_ordinal,
      title: t.appendix_title,
    }),
    number: t.number,
    kind: t.kind,
    name: t.name,
    status: status.code,
    statusLabel: STATUS_LABELS[status.code],
    daysOverdue: status.daysOverdue,
    daysLeft: status.daysLeft,
    deadline,
    deadlineLabel: formatDeadline(deadline),
    leader: t.leader,
    lead: lead.map(orgView),
    output: t.output,
    completedOn: t.completed_on,
    confidential: t.confidential === 1,
  };
}
