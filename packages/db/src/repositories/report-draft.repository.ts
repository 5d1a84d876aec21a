import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type ReportDraftRow = { data: string; updated_at: string };

/** A user's draft of a task's report, if any. */
export async function findReportDraft(
  db: Db,
  userId: number,
  taskId: number,
): Promise<ReportDraftRow | undefined> {
  return db
    .selectFrom("report_drafts")
    .select(["data", "updated_at"])
    .where("user_id", "=", userId)
    .where("task_id", "=", taskId)
    .executeTakeFirst();
}

/** Writes (or replaces) a user's draft of a task's report. */
export async function saveReportDraft(
  db: Db,
  userId: number,
  taskId: number,
  data: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("report_drafts")
    .values({ user_id: userId, task_id: taskId, data, updated_at: at })
    .onConflict((oc) => oc.columns(["user_id", "task_id"]).doUpdateSet({ data, updated_at: at }))
    .execute();
}

/** Drops a user's draft of a task's report (sent, or discarded). */
export async function deleteReportDraft(db: Db, userId: number, taskId: number): Promise<void> {
  await db
    .deleteFrom("report_drafts")
    .where("user_id", "=", userId)
    .where("task_id", "=", taskId)
    .execute();
}
