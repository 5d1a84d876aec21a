/**
 * The stored evaluation of every indicator: the list of indicators, the dashboard's
 * tiles and the warning filter read these rows instead of evaluating every indicator per request.
 * One row per indicator, as of the day it was computed for (`as_of`, Vietnam day): the item the
 * API shows (`item`, JSON) and the columns the list filters, counts and orders on (plan,
 * responsible unit, warning level, position in the plan). Written by the server in the same
 * transaction as whatever changes an evaluation's inputs, and again each day (warning levels
 * change with the date).
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("indicator_evaluations")
    .addColumn("indicator_id", "integer", (c) =>
      c.primaryKey().references("indicators.id").onDelete("cascade"),
    )
    .addColumn("plan_id", "integer", (c) => c.notNull())
    .addColumn("appendix_id", "integer", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("lead_org_id", "integer")
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("warning", "text", (c) => c.notNull())
    .addColumn("item", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("indicator_evaluations_order")
    .on("indicator_evaluations")
    .columns(["plan_id", "appendix_id", "ordinal"])
    .execute();
  await db.schema
    .createIndex("indicator_evaluations_warning")
    .on("indicator_evaluations")
    .columns(["warning", "plan_id", "appendix_id", "ordinal"])
    .execute();
  await db.schema
    .createIndex("indicator_evaluations_plan_warning")
    .on("indicator_evaluations")
    .columns(["plan_id", "warning"])
    .execute();
  await db.schema
    .createIndex("indicator_evaluations_as_of")
    .on("indicator_evaluations")
    .column("as_of")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("indicator_evaluations").execute();
}
