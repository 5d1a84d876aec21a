/**
 * The report timeliness counts of migration 0028 kept at three levels — year, month, day
 * (day-levels.sql.ts) — like the status events of 0030: at 1M tasks a date summed 156k rows of
 * recurring windows and 236k of receipts (75–135 ms and 40–60 ms on SQLite); it now reads the
 * years, months and days up to it. A receipt's period counts as closed from the day after its
 * due date, so that both sums run up to the date. Refilled from the views.
 */
import { sql } from "kysely";
import type { AnyDb } from "./migration.helpers.js";
import {
  createTimelinessTriggers,
  dropTimelinessTriggers,
  fillTimelinessCounts,
} from "./receipt-count-triggers.js";
import type { CountLayout } from "./receipt-count-triggers.js";

async function createTables(db: AnyDb, layout: CountLayout): Promise<void> {
  const levels = layout === "levels";
  const keyed = (name: string) => {
    let t = db.schema.createTable(name);
    if (levels)
      t = t
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("day_key", "text", (c) => c.notNull());
    return t
      .addColumn("lead_org_id", "integer", (c) => c.notNull())
      .addColumn("confidential", "integer", (c) => c.notNull());
  };
  // the columns depend on the layout: the key is listed untyped
  const head = levels ? ["level", "day_key"] : [];
  const tail = levels ? [] : ["day"];
  await keyed("unit_recurring_days")
    .addColumn("frequency", "text", (c) => c.notNull())
    .addColumn("due_day", "integer", (c) => c.notNull())
    .$call((t) => (levels ? t : t.addColumn("day", "text", (c) => c.notNull())))
    .addColumn("tasks", "integer", (c) => c.notNull())
    .addColumn("weight", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_recurring_days_pk", [
      ...head,
      "lead_org_id",
      "confidential",
      "frequency",
      "due_day",
      ...tail,
    ] as never)
    .execute();
  await keyed("unit_receipt_days")
    .$call((t) => (levels ? t : t.addColumn("day", "text", (c) => c.notNull())))
    .addColumn("received", "integer", (c) => c.notNull())
    .addColumn("due", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_receipt_days_pk", [
      ...head,
      "lead_org_id",
      "confidential",
      ...tail,
    ] as never)
    .execute();
}

async function relayout(db: AnyDb, layout: CountLayout): Promise<void> {
  await dropTimelinessTriggers(db);
  await sql`DROP TABLE unit_recurring_days`.execute(db);
  await sql`DROP TABLE unit_receipt_days`.execute(db);
  await createTables(db, layout);
  await fillTimelinessCounts(db, layout);
  await createTimelinessTriggers(db, layout);
}

export async function up(db: AnyDb): Promise<void> {
  await relayout(db, "levels");
}

export async function down(db: AnyDb): Promise<void> {
  await relayout(db, "days");
}
