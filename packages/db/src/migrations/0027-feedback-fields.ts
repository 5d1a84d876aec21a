/**
 * Public feedback: the fields (lĩnh vực) the administrator keeps for the form, each
 * with the unit proposed for routing; and merged duplicates (`merged_into_id`: answered once,
 * by the submission it was merged into).
 */
import { createTableWithId, nowIso, type AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await createTableWithId(db, "feedback_fields")
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("unit_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema
    .alterTable("feedback")
    .addColumn("field_id", "integer", (c) => c.references("feedback_fields.id"))
    .execute();
  await db.schema
    .alterTable("feedback")
    .addColumn("merged_into_id", "integer", (c) => c.references("feedback.id"))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("feedback").dropColumn("merged_into_id").execute();
  await db.schema.alterTable("feedback").dropColumn("field_id").execute();
  await db.schema.dropTable("feedback_fields").execute();
}
