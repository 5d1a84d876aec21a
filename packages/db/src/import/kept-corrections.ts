/**
 * Re-importing an amended plan keeps what was decided on a task after import:
 * a field the monitoring department corrected (a task version with the correction's changes) or
 * a leader changed by approving a change request (deadline, lead units, output) is not replaced by
 * the document's value. The import reports each field it kept where the document says otherwise.
 */
import { CORRECTION_FIELD_LABELS, type CorrectableField } from "@giamsat/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { TaskContent } from "./task-content.js";

type Db = Kysely<Database>;

/** The fields of an imported task a decision after import may have set. */
export type DecidedField = Exclude<CorrectableField, "confidential">;

const DECIDED: readonly DecidedField[] = ["name", "lead", "coordinators", "deadline", "output"];

/** The field an approved change request of this kind set. */
const CHANGE_FIELD: Record<string, DecidedField | undefined> = {
  extend_deadline: "deadline",
  reassign: "lead",
  change_output: "output",
};

export interface Decided {
  fields: Set<DecidedField>;
  /** the task's name as imported, when a correction changed it (to match unnumbered tasks) */
  importedName?: string;
}

/** A field kept at its decided value although the new document gives another one. */
export interface KeptCorrection {
  taskId: number;
  /** "Phụ lục I, nhiệm vụ 12" */
  place: string;
  number: string | null;
  name: string;
  /** the task is confidential (mật): only roles that may read it are shown this line */
  confidential: boolean;
  field: DecidedField;
  label: string;
  /** the value kept, and the document's, as people read them */
  kept: string;
  document: string;
}

/** The decided fields of a plan's tasks, by task id. */
export async function decidedFields(db: Db, planId: number): Promise<Map<number, Decided>> {
  const out = new Map<number, Decided>();
  const of = (taskId: number) => {
    const d = out.get(taskId) ?? { fields: new Set<DecidedField>() };
    out.set(taskId, d);
    return d;
  };
  const corrections = await db
    .selectFrom("task_versions")
    .innerJoin("tasks", "tasks.id", "task_versions.task_id")
    .select(["task_versions.task_id", "task_versions.changes"])
    .where("tasks.plan_id", "=", planId)
    .where("task_versions.changes", "is not", null)
    .orderBy("task_versions.version")
    .execute();
  for (const row of corrections) {
    const changes = JSON.parse(String(row.changes)) as { field: string; before: string }[];
    const d = of(row.task_id);
    for (const c of changes) {
      if (!(DECIDED as readonly string[]).includes(c.field)) continue;
      if (c.field === "name" && d.importedName === undefined) d.importedName = c.before;
      d.fields.add(c.field as DecidedField);
    }
  }
  const approved = await db
    .selectFrom("change_requests")
    .innerJoin("tasks", "tasks.id", "change_requests.task_id")
    .select(["change_requests.task_id", "change_requests.kind"])
    .where("tasks.plan_id", "=", planId)
    .where("change_requests.status", "=", "approved")
    .execute();
  for (const row of approved) {
    const field = CHANGE_FIELD[row.kind];
    if (field) of(row.task_id).fields.add(field);
  }
  return out;
}

/** The field's value as people read it: names joined, the deadline as written. */
function shown(field: DecidedField, c: TaskContent): string {
  if (field === "lead" || field === "coordinators")
    return c[field].map((o) => o.name).join("; ") || "(trống)";
  if (field === "deadline") return c.deadline.raw || "(trống)";
  return c[field]?.trim() || "(trống)";
}

const same = (field: DecidedField, a: TaskContent, b: TaskContent) =>
  field === "lead" || field === "coordinators"
    ? shown(field, a) === shown(field, b)
    : JSON.stringify(a[field]) === JSON.stringify(b[field]);

/**
 * The document's content with the decided fields set back to the stored values (always: the
 * stored units are never resolved again by name), and the fields where the document differed
 * (what the import reports as kept).
 */
export function keepDecided(
  stored: TaskContent,
  next: TaskContent,
  decided: Decided | undefined,
): { content: TaskContent; kept: { field: DecidedField; kept: string; document: string }[] } {
  if (!decided) return { content: next, kept: [] };
  const content = { ...next };
  const kept: { field: DecidedField; kept: string; document: string }[] = [];
  for (const field of decided.fields) {
    if (!same(field, stored, next))
      kept.push({ field, kept: shown(field, stored), document: shown(field, next) });
    Object.assign(content, { [field]: stored[field] });
  }
  return { content, kept };
}

/** The report line of one kept field. */
export function keptCorrection(
  task: {
    taskId: number;
    place: string;
    number: string | null;
    name: string;
    confidential: boolean;
  },
  k: { field: DecidedField; kept: string; document: string },
): KeptCorrection {
  return { ...task, ...k, label: CORRECTION_FIELD_LABELS[k.field] };
}

/** The name a stored task is matched by: as imported, when a correction renamed it. */
export const matchName = (content: TaskContent, decided: Decided | undefined): string =>
  decided?.importedName ?? content.name;
