/**
 * A report-day reminder's body stored as its content — what it says and its tasks' ids, JSON —
 * and rendered when it is fanned out to its recipients (bench: at 1M tasks the day's run
 * stored 272k bodies listing every owing task's name in text and HTML). `content` is set until
 * the body is rendered into `body_text`/`body_html`, then cleared.
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("notification_messages").addColumn("content", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("notification_messages").dropColumn("content").execute();
}
