/**
 * A recorded change of a task: every version of the task is kept in task_versions (the version
 * before the first change is stored lazily, when the first change happens), tasks.version is
 * bumped, and an audit event records before/after with the reason. Call inside the transaction
 * that applies the change.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { recordAudit } from "./audit.repository.js";

type Db = Kysely<Database>;

export interface TaskChange {
  taskId: number;
  /** the task's content before and after the change (snapshots) */
  before: unknown;
  after: unknown;
  reason: string;
  actorId: number | null;
  /** audit action, e.g. "task.amend", "task.remove" */
  action: string;
  /** what the audit event shows as before/after (default: the snapshots) */
  auditBefore?: unknown;
  auditAfter?: unknown;
  /** the fields changed, before and after, as the version shows them (VersionChange[]) */
  changes?: unknown;
  /** ISO timestamp of the change, default now */
  at?: string;
}

export const INITIAL_VERSION_REASON = "Phiên bản ban đầu";

/** Records the change and returns the task's new version number. */
export async function recordTaskChange(db: Db, change: TaskChange): Promise<number> {
  const at = change.at ?? new Date().toISOString();
  const task = await db
    .selectFrom("tasks")
    .select("version")
    .where("id", "=", change.taskId)
    .executeTakeFirstOrThrow();
  const current = await db
    .selectFrom("task_versions")
    .select("id")
    .where("task_id", "=", change.taskId)
    .where("version", "=", task.version)
    .executeTakeFirst();
  if (!current) {
    await db
      .insertInto("task_versions")
      .values({
        task_id: change.taskId,
        version: task.version,
        snapshot: JSON.stringify(change.before),
        reason: INITIAL_VERSION_REASON,
        author_id: null,
      })
      .execute();
  }
  const version = task.version + 1;
  await db
    .insertInto("task_versions")
    .values({
      task_id: change.taskId,
      version,
      snapshot: JSON.stringify(change.after),
      reason: change.reason,
      author_id: change.actorId,
      changes: change.changes === undefined ? null : JSON.stringify(change.changes),
      created_at: at,
    })
    .execute();
  await db
    .updateTable("tasks")
    .set({ version, updated_at: at })
    .where("id", "=", change.taskId)
    .execute();
  await recordAudit(db, {
    actorId: change.actorId,
    action: change.action,
    entity: "task",
    entityId: change.taskId,
    before: change.auditBefore ?? change.before,
    after: change.auditAfter ?? change.after,
    reason: change.reason,
  });
  return version;
}
