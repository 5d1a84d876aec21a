/**
 * Corrections of a task after import: a version keeps, beside the task's
 * snapshot, the fields it changed with their values before and after (JSON VersionChange[]),
 * so the task page shows what each correction changed. Older versions have none (null).
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("task_versions").addColumn("changes", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("task_versions").dropColumn("changes").execute();
}
