/**
 * Files a visitor attaches to public feedback: checked like evidence (type by
 * extension and magic bytes, size), stored content-addressed under `<dataDir>/evidence/`, read
 * only by the monitoring department and the unit the submission is routed to — never public.
 */
import { createTableWithId, nowIso, type AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await createTableWithId(db, "feedback_files")
    .addColumn("feedback_id", "integer", (c) =>
      c.notNull().references("feedback.id").onDelete("cascade"),
    )
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_path", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema
    .createIndex("feedback_files_feedback")
    .on("feedback_files")
    .column("feedback_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("feedback_files").execute();
}
