/**
 * Indicator values: one row per value a unit reports for an indicator and period,
 * with its note, evidence, source and review. Values are never edited: a correction is a new
 * row and the value it replaces is marked `superseded`. A partial unique index allows one
 * pending value per indicator and period; only `accepted` values count.
 *
 * `indicators.kind` and `indicators.direction` hold the monitoring department's correction of
 * the inferred kind and direction (null: the inference stands).
 */
import { sql } from "kysely";
import { createTableWithId, nowIso } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("indicators").addColumn("kind", "text").execute();
  await db.schema.alterTable("indicators").addColumn("direction", "text").execute();

  await createTableWithId(db, "indicator_values")
    .addColumn("indicator_id", "integer", (c) =>
      c.notNull().references("indicators.id").onDelete("cascade"),
    )
    .addColumn("org_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("evidence", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("supersedes_id", "integer", (c) => c.references("indicator_values.id"))
    .addColumn("submitted_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .addColumn("reviewed_by", "integer", (c) => c.references("users.id"))
    .addColumn("reviewed_at", "text")
    .addColumn("review_comment", "text")
    .execute();
  await db.schema
    .createIndex("indicator_values_indicator_period")
    .on("indicator_values")
    .columns(["indicator_id", "period"])
    .execute();
  await db.schema
    .createIndex("indicator_values_status")
    .on("indicator_values")
    .columns(["status", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("indicator_values_one_pending")
    .on("indicator_values")
    .columns(["indicator_id", "period"])
    .unique()
    .where(sql.ref("status"), "=", "submitted")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("indicator_values").execute();
  await db.schema.alterTable("indicators").dropColumn("direction").execute();
  await db.schema.alterTable("indicators").dropColumn("kind").execute();
}
