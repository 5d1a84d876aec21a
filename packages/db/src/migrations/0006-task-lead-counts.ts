/**
 * Per-unit status counts for one day (normally today), so that the dashboard's chart by lead
 * unit and the unit scorecards do not read every task: `task_lead_counts` (lead-counts.sql.ts)
 * counts, for each first lead unit, the tasks in force by status as of `task_status_day.as_of`,
 * kept by triggers (lead-count-triggers.ts); the server rebuilt it when the day or the due-soon
 * window changed. The day starts as '' (no day yet): counts for it are consistent, and never
 * read. Migration 0007 replaces the one day by several kept days.
 */
import { fillLeadCounts, withLeadCountColumns, ONE_DAY } from "../repositories/lead-counts.sql.js";
import { createLeadCountTriggers, dropLeadCountTriggers } from "./lead-count-triggers.js";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("task_status_day")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("soon_until", "text", (c) => c.notNull())
    .execute();
  await db.insertInto("task_status_day").values({ id: 1, as_of: "", soon_until: "" }).execute();
  const table = db.schema
    .createTable("task_lead_counts")
    .addColumn("lead_org_id", "integer", (c) =>
      c.notNull().references("organisations.id").onDelete("cascade"),
    )
    .addColumn("confidential", "integer", (c) => c.notNull());
  await withLeadCountColumns(table)
    .addPrimaryKeyConstraint("task_lead_counts_pk", ["lead_org_id", "confidential"])
    .execute();
  await createLeadCountTriggers(db, ONE_DAY);
  await fillLeadCounts(db, ONE_DAY);
}

export async function down(db: AnyDb): Promise<void> {
  await dropLeadCountTriggers(db);
  await db.schema.dropTable("task_lead_counts").execute();
  await db.schema.dropTable("task_status_day").execute();
}
