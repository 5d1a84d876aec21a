/**
 * Message bodies stored once (bench): a reminder told to a unit's twenty members on
 * two channels was forty copies of the same text and HTML in the outbox. `notification_messages`
 * holds each body once; an outbox row queued since points to it (`message_id`) and keeps its
 * own subject and link (lists, the daily digest) with empty body columns. Rows queued before
 * keep their bodies (`message_id` null).
 */
import { createTableWithId, nowIso } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await createTableWithId(db, "notification_messages")
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema
    .alterTable("notification_outbox")
    .addColumn("message_id", "integer", (c) => c.references("notification_messages.id"))
    .execute();
  await db.schema
    .createIndex("notification_outbox_message")
    .on("notification_outbox")
    .column("message_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("notification_outbox_message").execute();
  await db.schema.alterTable("notification_outbox").dropColumn("message_id").execute();
  await db.schema.dropTable("notification_messages").execute();
}
