/**
 * Unit scorecards at national scale without reading every report: what report timeliness needs
 * is kept in the same transaction as every write it depends on (receipt-count-triggers.ts).
 *
 * - `report_receipts`: the first accepted report of each task and period (when it was
 *   submitted, and that day in Vietnam) — corrections come later and do not replace it;
 * - `unit_recurring_days`: per unit, calendar and day, the recurring tasks whose reporting
 *   window starts (+1) or ends (−1) that day, with the calendar's due dates before it
 *   (`weight`): summed up to any date they give the unit's closed periods;
 * - `unit_receipt_days`: per unit and day, the on-time first receipts of owed periods counted
 *   from that day (`received`) and those whose period's due date is that day (`due`). Summing
 *   the days up to any date gives the unit's on-time reports and, by difference, the periods
 *   still open that are already reported (core: unitTimelinessFromKept).
 *
 * Rows whose counts came back to 0 are left in place (they change no sum). Filled here from the
 * reports, plans and calendars there are.
 */
import {
  createTimelinessTriggers,
  dropTimelinessTriggers,
  fillReceipts,
  fillTimelinessCounts,
} from "./receipt-count-triggers.js";
import { recurringTaskWindowsView, reportReceiptWindowsView } from "./receipt-windows.sql.js";
import { dialectOf } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";
import { sql } from "kysely";

export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable("report_receipts")
    .addColumn("task_id", "integer", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("first_at", "text", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_receipts_pk", ["task_id", "period_key"])
    .execute();
  await db.schema
    .createTable("unit_recurring_days")
    .addColumn("lead_org_id", "integer", (c) => c.notNull())
    .addColumn("confidential", "integer", (c) => c.notNull())
    .addColumn("frequency", "text", (c) => c.notNull())
    .addColumn("due_day", "integer", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("tasks", "integer", (c) => c.notNull())
    .addColumn("weight", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_recurring_days_pk", [
      "lead_org_id",
      "confidential",
      "frequency",
      "due_day",
      "day",
    ])
    .execute();
  await db.schema
    .createTable("unit_receipt_days")
    .addColumn("lead_org_id", "integer", (c) => c.notNull())
    .addColumn("confidential", "integer", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("received", "integer", (c) => c.notNull())
    .addColumn("due", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_receipt_days_pk", ["lead_org_id", "confidential", "day"])
    .execute();
  await sql.raw(recurringTaskWindowsView(dialect)).execute(db);
  await sql.raw(reportReceiptWindowsView(dialect)).execute(db);
  await fillReceipts(db);
  await fillTimelinessCounts(db, "days");
  await createTimelinessTriggers(db, "days");
}

export async function down(db: AnyDb): Promise<void> {
  await dropTimelinessTriggers(db);
  await sql`DROP VIEW report_receipt_windows`.execute(db);
  await sql`DROP VIEW recurring_task_windows`.execute(db);
  await db.schema.dropTable("unit_receipt_days").execute();
  await db.schema.dropTable("unit_recurring_days").execute();
  await db.schema.dropTable("report_receipts").execute();
}
