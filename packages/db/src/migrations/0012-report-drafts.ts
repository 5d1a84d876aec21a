/**
 * Report drafts: what a unit user has typed in a report form, saved on the
 * server as they type — one draft per user and task, kept until the report is sent or the draft
 * discarded, so that typed work survives an expired session or a closed page.
 */
import { createTableWithId, nowIso } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await createTableWithId(db, "report_drafts")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .addUniqueConstraint("report_drafts_user_task", ["user_id", "task_id"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("report_drafts").execute();
}
