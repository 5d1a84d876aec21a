/**
 * Amendments decided on a task (change requests approved by a leader): the task's row and units
 * as they stand (the version kept before and after), and each kind of change applied.
 */
import { formatDate } from "@giamsat/core";
import type { Kysely } from "kysely";
import type { Database, TaskOrgRole } from "../schema.js";

type Db = Kysely<Database>;

export type TaskAmendment =
  | { kind: "extend_deadline"; dueDate: string; deadlineRaw?: string }
  | { kind: "change_output"; output: string }
  | { kind: "cancel" }
  | { kind: "reassign"; leadOrgIds: readonly number[] };

/** The task's row and its units, as a version keeps them. */
export async function taskSnapshot(db: Db, taskId: number) {
  const task = await db
    .selectFrom("tasks")
    .selectAll()
    .where("id", "=", taskId)
    .executeTakeFirstOrThrow();
  const orgs = await db
    .selectFrom("task_orgs")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("id")
    .execute();
  return { task, orgs };
}

/** Applies an amendment (call inside the transaction that records the task's new version). */
export async function amendTask(
  db: Db,
  taskId: number,
  change: TaskAmendment,
  at: string,
): Promise<void> {
  const task = db.updateTable("tasks").where("id", "=", taskId);
  switch (change.kind) {
    case "extend_deadline":
      await task
        .set({
          due_date: change.dueDate,
          deadline_kind: "date",
          deadline_raw: change.deadlineRaw ?? formatDate(change.dueDate),
          deadline_note: null,
        })
        .execute();
      return;
    case "change_output":
      await task.set({ output: change.output }).execute();
      return;
    case "cancel":
      await task.set({ cancelled_at: at }).execute();
      return;
    case "reassign":
      await replaceTaskOrgs(db, taskId, "lead", change.leadOrgIds);
      await task.set({ lead_org_id: change.leadOrgIds[0] ?? null }).execute();
  }
}

/** Replaces the task's lead (or coordinating) units by these organisations, in this order. */
export async function replaceTaskOrgs(
  db: Db,
  taskId: number,
  role: TaskOrgRole,
  orgIds: readonly number[],
): Promise<void> {
  const orgs = await db
    .selectFrom("organisations")
    .select(["id", "name", "kind"])
    .where("id", "in", [...orgIds])
    .execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  await db.deleteFrom("task_orgs").where("task_id", "=", taskId).where("role", "=", role).execute();
  const rows = orgIds.flatMap((orgId, ordinal) => {
    const o = byId.get(orgId);
    return o
      ? [
          {
            task_id: taskId,
            role,
            ordinal,
            org_id: orgId,
            raw: o.name,
            name: o.name,
            kind: o.kind,
            scope: null,
            resolved: 1,
          },
        ]
      : [];
  });
  if (rows.length) await db.insertInto("task_orgs").values(rows).execute();
}
