import {
  formatDeadline,
  STATUS_CODES,
  STATUS_LABELS,
  toRoman,
  type Deadline,
  type TaskStatus,
} from "@giamsat/core";
import type { TaskListItem, TaskOrgRow, TaskRow } from "@giamsat/db";
import { z } from "zod";

/** A deadline as the importer read it (core's Deadline). */
export const deadlineSchema = z.object({
  raw: z.string(),
  kind: z.enum(["date", "range", "recurring", "unresolved", "none"]),
  due: z.string().nullable(),
  start: z.string().nullable(),
  recurrence: z.enum(["continuous", "monthly", "quarterly", "yearly"]).nullable(),
  note: z.string().nullable(),
});

/** An organisation as a task names it: the raw text beside the directory entry it resolved to. */
export const taskOrgSchema = z.object({
  orgId: z.number().nullable(),
  name: z.string(),
  raw: z.string(),
  kind: z.enum(["unit", "group"]),
  resolved: z.boolean(),
});
export type TaskOrgView = z.output<typeof taskOrgSchema>;

export const appendixSchema = z.object({
  id: z.number(),
  ordinal: z.number(),
  title: z.string(),
  label: z.string(),
});
export type AppendixView = z.output<typeof appendixSchema>;

/** A task in a list (task list, overdue list, inbox): the response schema and its type. */
export const taskListItemSchema = z.object({
  id: z.number(),
  planId: z.number(),
  planNumber: z.string().nullable(),
  appendixId: z.number(),
  /** the appendix the task is in: its number repeats across appendices */
  appendix: appendixSchema,
  number: z.string().nullable(),
  kind: z.enum(["time-bound", "recurring"]),
  name: z.string(),
  status: z.enum(STATUS_CODES),
  statusLabel: z.string(),
  daysOverdue: z.number().nullable(),
  daysLeft: z.number().nullable(),
  deadline: deadlineSchema,
  deadlineLabel: z.string(),
  leader: z.string().nullable(),
  lead: z.array(taskOrgSchema),
  output: z.string().nullable(),
  completedOn: z.string().nullable(),
  confidential: z.boolean(),
  /** over all plans: the tasks of other plans confirmed as restating this one */
  restatedIn: z
    .array(z.object({ taskId: z.number(), number: z.string().nullable(), planId: z.number() }))
    .optional(),
});
export type TaskListItemView = z.output<typeof taskListItemSchema>;

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
  t: Omit<TaskListItem, "status" | "lead">,
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
