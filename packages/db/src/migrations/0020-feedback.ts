/**
 * Public feedback (PAKN, README "Public feedback"): what a visitor sends without login, its tracking code, the
 * sender's contact (never served publicly), the unit it is routed to with a working-day
 * deadline, the unit's answer and the monitoring department's approval. `content_key` (the
 * folded content) finds identical submissions; `secret_hash` is the SHA-256 of the sender's
 * secret token (given once, at submission) that lets only the sender rate the answer.
 */
import { createTableWithId, nowIso, type AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await createTableWithId(db, "feedback")
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("content_key", "text", (c) => c.notNull())
    .addColumn("task_id", "integer", (c) => c.references("tasks.id").onDelete("set null"))
    .addColumn("sender_name", "text", (c) => c.notNull())
    .addColumn("sender_org", "text")
    .addColumn("sender_email", "text")
    .addColumn("sender_phone", "text")
    .addColumn("publish_name", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("consent_at", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("received"))
    .addColumn("unit_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("deadline", "text")
    .addColumn("answer", "text")
    .addColumn("internal_note", "text")
    .addColumn("reject_reason", "text")
    .addColumn("rating", "integer")
    .addColumn("rating_comment", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .addColumn("updated_at", "text")
    .execute();
  await db.schema
    .createIndex("feedback_content_key")
    .on("feedback")
    .column("content_key")
    .execute();
  await db.schema
    .createIndex("feedback_unit_status")
    .on("feedback")
    .columns(["unit_id", "status"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("feedback").execute();
}
