/**
 * Public transparency: the monitoring department publishes a plan; only
 * published plans are served by the no-login /api/public routes. Null: not published.
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("plans").addColumn("published_at", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("plans").dropColumn("published_at").execute();
}
