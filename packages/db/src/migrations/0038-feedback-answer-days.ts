/**
 * The working days a unit has to answer a public submission, per kind, as the administrator sets
 * them (a kind with no row keeps core's default, `FEEDBACK_DEADLINE_DAYS`).
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("feedback_answer_days")
    .addColumn("kind", "text", (c) => c.primaryKey())
    .addColumn("days", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("feedback_answer_days").execute();
}
