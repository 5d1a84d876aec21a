/**
 * Per-unit status counts for several days: today, and the other dates leaders ask for (a
 * report's date, a month's or quarter's end), so that the dashboard's chart as of any of them
 * reads a few thousand rows instead of every task. `task_count_days` lists the kept days (at
 * most MAX_KEPT_DAYS, repositories/lead-counts.ts, the least recently used dropped first);
 * `task_lead_counts` gains `day_id`. The triggers update every kept day; the first request for
 * a date adds it, filled from the tasks. Replaces 0006's single day, starting with no day kept.
 */
import { KEPT_DAYS, withLeadCountColumns } from "../repositories/lead-counts.sql.js";
import * as m0006 from "./0006-task-lead-counts.js";
import { createLeadCountTriggers, dropLeadCountTriggers } from "./lead-count-triggers.js";
import { createTableWithId } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await m0006.down(db);
  await createTableWithId(db, "task_count_days")
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("soon_until", "text", (c) => c.notNull())
    .addColumn("used_at", "text", (c) => c.notNull())
    .addUniqueConstraint("task_count_days_day", ["as_of", "soon_until"])
    .execute();
  const table = db.schema
    .createTable("task_lead_counts")
    .addColumn("day_id", "integer", (c) =>
      c.notNull().references("task_count_days.id").onDelete("cascade"),
    )
    .addColumn("lead_org_id", "integer", (c) =>
      c.notNull().references("organisations.id").onDelete("cascade"),
    )
    .addColumn("confidential", "integer", (c) => c.notNull());
  await withLeadCountColumns(table)
    .addPrimaryKeyConstraint("task_lead_counts_pk", ["day_id", "lead_org_id", "confidential"])
    .execute();
  await createLeadCountTriggers(db, KEPT_DAYS);
}

export async function down(db: AnyDb): Promise<void> {
  await dropLeadCountTriggers(db);
  await db.schema.dropTable("task_lead_counts").execute();
  await db.schema.dropTable("task_count_days").execute();
  await m0006.up(db);
}
