/**
 * Reminders and notifications: users' e-mail addresses; the public holidays that
 * working days skip (data the administrator edits; 2026's days are filled in as a start);
 * per-plan reminder offsets; the outbox (one row per message and channel, unique on
 * (rule, item, period, recipient, step, channel) so that computing a day's reminders twice
 * queues nothing twice); in-app notifications; per-user channel preferences.
 */
import { createTableWithId, nowIso } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

/** Vietnam's public holidays in 2026 as the Government announced them (Bộ luật Lao động, Điều 112). */
const HOLIDAYS_2026: [string, string][] = [
  ["2026-01-01", "Tết Dương lịch"],
  ["2026-02-16", "Tết Nguyên đán"],
  ["2026-02-17", "Tết Nguyên đán"],
  ["2026-02-18", "Tết Nguyên đán"],
  ["2026-02-19", "Tết Nguyên đán"],
  ["2026-02-20", "Tết Nguyên đán"],
  ["2026-04-27", "Giỗ Tổ Hùng Vương (nghỉ bù)"],
  ["2026-04-30", "Ngày Giải phóng miền Nam"],
  ["2026-05-01", "Ngày Quốc tế Lao động"],
  ["2026-09-01", "Quốc khánh"],
  ["2026-09-02", "Quốc khánh"],
];

export async function up(db: AnyDb): Promise<void> {
  const now = nowIso(db);
  await db.schema.alterTable("users").addColumn("email", "text").execute();

  await db.schema
    .createTable("holidays")
    .addColumn("date", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .execute();
  await db
    .insertInto("holidays")
    .values(HOLIDAYS_2026.map(([date, name]) => ({ date, name })))
    .execute();

  await db.schema
    .createTable("reminder_settings")
    .addColumn("plan_id", "integer", (c) =>
      c.primaryKey().references("plans.id").onDelete("cascade"),
    )
    .addColumn("report_days", "text", (c) => c.notNull())
    .addColumn("deadline_days", "text", (c) => c.notNull())
    .addColumn("overdue_every_days", "integer", (c) => c.notNull())
    .execute();

  await createTableWithId(db, "notification_outbox")
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("recipient_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("step", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("claimed_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("sent_at", "text")
    .addUniqueConstraint("notification_outbox_key", [
      "rule",
      "item",
      "period",
      "recipient_id",
      "step",
      "channel",
    ])
    .execute();
  await db.schema
    .createIndex("notification_outbox_due")
    .on("notification_outbox")
    .columns(["status", "next_attempt_at"])
    .execute();

  await createTableWithId(db, "notifications")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("outbox_id", "integer", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_user")
    .on("notifications")
    .columns(["user_id", "read_at", "id"])
    .execute();

  await db.schema
    .createTable("notification_prefs")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_prefs_pk", ["user_id", "kind", "channel"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "notification_prefs",
    "notifications",
    "notification_outbox",
    "reminder_settings",
    "holidays",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("users").dropColumn("email").execute();
}
