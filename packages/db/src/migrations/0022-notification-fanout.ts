/**
 * Reminders queued once per message and audience (bench): the daily run told a unit's
 * twenty members of each reminder in twenty outbox rows (two per member with e-mail), about
 * 500,000 rows for 100,000 tasks. It now queues one `notification_fanout` row per message and
 * audience — a unit's heads, its staff or both (`unit`), or every user of a role (`org_id` 0) —
 * unique per (rule, item, period, step, org_id, audience); the worker fans each row out to the
 * per-recipient outbox in SQL (`fanned_out_at` set in the same transaction), where the unique key
 * per (rule, item, period, recipient, step, channel) still keeps every delivery single.
 */
import { createTableWithId, nowIso } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await createTableWithId(db, "notification_fanout")
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("step", "text", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("message_id", "integer", (c) => c.notNull().references("notification_messages.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .addColumn("fanned_out_at", "text")
    .addUniqueConstraint("notification_fanout_key", [
      "rule",
      "item",
      "period",
      "step",
      "org_id",
      "audience",
    ])
    .execute();
  await db.schema
    .createIndex("notification_fanout_pending")
    .on("notification_fanout")
    .columns(["fanned_out_at", "id"])
    .execute();
  await db.schema
    .createIndex("notification_fanout_message")
    .on("notification_fanout")
    .column("message_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("notification_fanout").execute();
}
