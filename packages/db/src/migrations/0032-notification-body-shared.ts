/**
 * In-app notifications written straight from the fan-out point to their message's stored body
 * (`message_id`) instead of copying it: a report-day reminder reaches each member of the unit,
 * and at 1M tasks the day's 4.9M notifications would have copied ~3 GB of text. A notification
 * delivered from the outbox (events) keeps its own `body` and no `message_id`.
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("notifications")
    .addColumn("message_id", "integer", (c) => c.references("notification_messages.id"))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("notifications").dropColumn("message_id").execute();
}
