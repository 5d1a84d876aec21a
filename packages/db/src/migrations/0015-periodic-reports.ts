/**
 * The periodic report: every generated report kept (who, when, parameters, the file
 * itself) so that it can be listed and downloaded again, and the sections the monitoring
 * department writes itself, saved as a draft per report scope (plan, unit, period, date).
 */
import { createTableWithId, dialectOf, nowIso, type AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  const blob = dialectOf(db) === "postgres" ? "bytea" : "blob";
  await createTableWithId(db, "periodic_reports")
    .addColumn("generated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("generated_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .addColumn("plan_id", "integer", (c) => c.references("plans.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("content", blob, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("periodic_reports_generated_at")
    .on("periodic_reports")
    .column("generated_at")
    .execute();
  await createTableWithId(db, "periodic_report_drafts")
    .addColumn("scope_key", "text", (c) => c.notNull().unique())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("periodic_report_drafts").execute();
  await db.schema.dropTable("periodic_reports").execute();
}
