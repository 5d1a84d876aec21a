/**
 * Unit-head sign-off: `organisations.signoff_required` (off by default) makes
 * a staff member's report wait for the unit head (status `awaiting_signoff`) before it reaches
 * the monitoring department; `signed_off_by` / `signed_off_at` record the head's approval. A
 * report awaiting sign-off is the live pending report of its (task, period): the unique index of
 * migration 0010 over pending reports is rebuilt to cover both states.
 */
import { sql } from "kysely";
import type { AnyDb } from "./migration.helpers.js";

async function onePendingIndex(db: AnyDb, name: string, statuses: readonly string[]) {
  await db.schema
    .createIndex(name)
    .unique()
    .on("progress_reports")
    .columns(["task_id", "period_key"])
    .where(
      sql<boolean>`status IN (${sql.join(statuses.map((s) => sql.lit(s)))}) AND superseded = 0`,
    )
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("organisations")
    .addColumn("signoff_required", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("progress_reports")
    .addColumn("signed_off_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema.alterTable("progress_reports").addColumn("signed_off_at", "text").execute();
  await db.schema.dropIndex("progress_reports_one_submitted").execute();
  await onePendingIndex(db, "progress_reports_one_pending", ["submitted", "awaiting_signoff"]);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("progress_reports_one_pending").execute();
  // a report still awaiting sign-off goes to the monitoring department as it was sent
  await db
    .updateTable("progress_reports")
    .set({ status: "submitted" })
    .where("status", "=", "awaiting_signoff")
    .execute();
  await onePendingIndex(db, "progress_reports_one_submitted", ["submitted"]);
  await db.schema.alterTable("progress_reports").dropColumn("signed_off_at").execute();
  await db.schema.alterTable("progress_reports").dropColumn("signed_off_by").execute();
  await db.schema.alterTable("organisations").dropColumn("signoff_required").execute();
}
