/** The tasks part of storing a plan: insert them all, or compare and apply a new version. */
import { itemPlace, type ImportResult, type Task } from "@giamsat/core";
import type { Kysely } from "kysely";
import { recordAudit } from "../repositories/audit.repository.js";
import { recordTaskChange } from "../repositories/task-history.js";
import type { Database, MilestoneRow, TaskOrgRow } from "../schema.js";
import type { OrgResolver } from "./org-resolver.js";
import { taskKeys } from "./plan-diff.js";
import type { ChangedTask, PlanDiff, TaskRef } from "./plan-diff.js";
import { contentFromImport, contentFromStored, diffContent } from "./task-content.js";
import type { TaskContent } from "./task-content.js";
import { decidedFields, keepDecided, keptCorrection, matchName } from "./kept-corrections.js";
import type { DecidedField } from "./kept-corrections.js";
import { insertTask, updateTask } from "./task-writer.js";
import type { TaskPlace } from "./task-writer.js";

type Db = Kysely<Database>;

interface Incoming {
  appendix: number;
  ordinal: number;
  task: Task;
  content: TaskContent;
}

/** The tasks of the document in order, numbered across appendices. */
function incoming(result: ImportResult): Incoming[] {
  const out: Incoming[] = [];
  for (const [i, a] of result.appendices.entries()) {
    for (const task of a.tasks) {
      out.push({
        appendix: i + 1,
        ordinal: out.length + 1,
        task,
        content: contentFromImport(task),
      });
    }
  }
  return out;
}

function place(planId: number, appendixIds: readonly number[], t: Incoming): TaskPlace {
  return {
    planId,
    appendixId: appendixIds[t.appendix - 1] as number,
    ordinal: t.ordinal,
    line: t.task.line,
    milestoneLines: t.task.milestones.map((m) => m.line),
  };
}

const ref = (t: Incoming, taskId?: number): TaskRef => ({
  appendix: t.appendix,
  number: t.task.number,
  name: t.task.name,
  ...(taskId !== undefined ? { taskId } : {}),
});

export async function insertAllTasks(
  db: Db,
  planId: number,
  appendixIds: readonly number[],
  result: ImportResult,
  orgs: OrgResolver,
): Promise<TaskRef[]> {
  const added: TaskRef[] = [];
  for (const t of incoming(result)) {
    const id = await insertTask(db, place(planId, appendixIds, t), t.content, orgs);
    added.push(ref(t, id));
  }
  return added;
}

interface Stored {
  id: number;
  appendix: number;
  ordinal: number;
  line: number;
  appendixId: number;
  confidential: boolean;
  content: TaskContent;
}

export interface TaskChanges {
  planId: number;
  added: Incoming[];
  removed: Stored[];
  /** `keep`: the fields decided after import, left as stored */
  changed: {
    stored: Stored;
    next: Incoming;
    fields: ChangedTask["fields"];
    keep: ReadonlySet<DecidedField>;
  }[];
  moved: { stored: Stored; next: Incoming }[];
  diff: Pick<PlanDiff, "added" | "removed" | "changed" | "kept">;
}

async function storedTasks(db: Db, planId: number): Promise<Stored[]> {
  const rows = await db
    .selectFrom("tasks")
    .innerJoin("appendices", "appendices.id", "tasks.appendix_id")
    .selectAll("tasks")
    .select("appendices.ordinal as appendix_ordinal")
    .where("tasks.plan_id", "=", planId)
    .where("tasks.removed_at", "is", null)
    .orderBy("tasks.ordinal")
    .execute();
  const ids = rows.map((r) => r.id);
  const group = <T extends { task_id: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) m.set(x.task_id, [...(m.get(x.task_id) ?? []), x]);
    return m;
  };
  const orgs: Map<number, TaskOrgRow[]> = ids.length
    ? group(await db.selectFrom("task_orgs").selectAll().where("task_id", "in", ids).execute())
    : new Map();
  const milestones: Map<number, MilestoneRow[]> = ids.length
    ? group(await db.selectFrom("milestones").selectAll().where("task_id", "in", ids).execute())
    : new Map();
  return rows.map((r) => ({
    id: r.id,
    appendix: r.appendix_ordinal,
    ordinal: r.ordinal,
    line: r.line,
    appendixId: r.appendix_id,
    confidential: r.confidential === 1,
    content: contentFromStored(r, orgs.get(r.id) ?? [], milestones.get(r.id) ?? []),
  }));
}

/**
 * Compares the stored tasks of a plan with the document's (nothing is written). The fields
 * decided after import (corrections, approved change requests) keep their stored values; those
 * the document gives otherwise are listed in `diff.kept`.
 */
export async function compareTasks(
  db: Db,
  planId: number,
  result: ImportResult,
): Promise<TaskChanges> {
  const next = incoming(result);
  const stored = await storedTasks(db, planId);
  const decided = await decidedFields(db, planId);
  const keyOf = (list: { appendix: number; content: TaskContent; name: string }[]) =>
    taskKeys(list.map((t) => ({ appendix: t.appendix, ...t.content, name: t.name })));
  const storedKeys = keyOf(
    stored.map((s) => ({ ...s, name: matchName(s.content, decided.get(s.id)) })),
  );
  const storedByKey = new Map(storedKeys.map((k, i) => [k, stored[i] as Stored]));
  const changes: TaskChanges = {
    planId,
    added: [],
    removed: [],
    changed: [],
    moved: [],
    diff: { added: [], removed: [], changed: [], kept: [] },
  };
  for (const [i, key] of keyOf(next.map((t) => ({ ...t, name: t.content.name }))).entries()) {
    const doc = next[i] as Incoming;
    const s = storedByKey.get(key);
    if (!s) {
      changes.added.push(doc);
      changes.diff.added.push(ref(doc));
      continue;
    }
    storedByKey.delete(key);
    const d = decided.get(s.id);
    const { content, kept } = keepDecided(s.content, doc.content, d);
    const t: Incoming = { ...doc, content };
    const appendix = result.appendices[t.appendix - 1]!;
    const where = {
      taskId: s.id,
      place: itemPlace(appendix, t.appendix - 1, t.task, "task"),
      number: t.task.number,
      name: s.content.name,
      confidential: s.confidential,
    };
    for (const k of kept) changes.diff.kept.push(keptCorrection(where, k));
    const fields = diffContent(s.content, t.content);
    if (fields.length) {
      changes.changed.push({ stored: s, next: t, fields, keep: d?.fields ?? new Set() });
      changes.diff.changed.push({ ...ref(t, s.id), taskId: s.id, fields });
    } else if (s.ordinal !== t.ordinal || s.line !== t.task.line || s.appendix !== t.appendix) {
      changes.moved.push({ stored: s, next: t });
    }
  }
  for (const s of storedByKey.values()) {
    changes.removed.push(s);
    changes.diff.removed.push({
      appendix: s.appendix,
      number: s.content.number,
      name: s.content.name,
      taskId: s.id,
    });
  }
  return changes;
}

/** Applies compared changes as recorded changes (versions and audit events). */
export async function applyTaskChanges(
  db: Db,
  changes: TaskChanges,
  appendixIds: readonly number[],
  orgs: OrgResolver,
  opts: { reason: string; actorId: number | null; at: string },
): Promise<void> {
  const at = (t: Incoming) => place(changes.planId, appendixIds, t);
  for (const { stored, next, fields, keep } of changes.changed) {
    await updateTask(db, stored.id, at(next), next.content, orgs, keep);
    await recordTaskChange(db, {
      taskId: stored.id,
      before: stored.content,
      after: next.content,
      auditBefore: Object.fromEntries(fields.map((f) => [f.field, f.before])),
      auditAfter: Object.fromEntries(fields.map((f) => [f.field, f.after])),
      reason: opts.reason,
      actorId: opts.actorId,
      action: "task.amend",
      at: opts.at,
    });
  }
  for (const { stored, next } of changes.moved) {
    const p = at(next);
    await db
      .updateTable("tasks")
      .set({ ordinal: p.ordinal, line: p.line, appendix_id: p.appendixId })
      .where("id", "=", stored.id)
      .execute();
  }
  for (const stored of changes.removed) {
    await db
      .updateTable("tasks")
      .set({ removed_at: opts.at })
      .where("id", "=", stored.id)
      .execute();
    await recordTaskChange(db, {
      taskId: stored.id,
      before: stored.content,
      after: { ...stored.content, removed: true },
      auditBefore: { removed_at: null },
      auditAfter: { removed_at: opts.at },
      reason: opts.reason,
      actorId: opts.actorId,
      action: "task.remove",
      at: opts.at,
    });
  }
  for (const next of changes.added) {
    const id = await insertTask(db, at(next), next.content, orgs);
    await recordAudit(db, {
      actorId: opts.actorId,
      action: "task.add",
      entity: "task",
      entityId: id,
      after: next.content,
      reason: opts.reason,
    });
  }
}
