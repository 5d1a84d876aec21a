/**
 * The day a plan is tracked from: report timeliness counts the periods owed
 * from it. Null means the default, the day the plan was imported (core's reportingWindow).
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("plans").addColumn("tracked_from", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("plans").dropColumn("tracked_from").execute();
}
