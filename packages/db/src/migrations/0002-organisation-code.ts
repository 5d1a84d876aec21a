/**
 * Organisations keep the id of their entry in core's directory (`code`, e.g. "bct.vu-phap-che")
 * and its finer kind (`category`: ministry, province, department, …) so that the directory can
 * be synchronised into the database and units resolved without ambiguity.
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("organisations").addColumn("code", "text").execute();
  await db.schema.alterTable("organisations").addColumn("category", "text").execute();
  await db.schema
    .createIndex("organisations_code")
    .on("organisations")
    .column("code")
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("organisations_code").execute();
  await db.schema.alterTable("organisations").dropColumn("category").execute();
  await db.schema.alterTable("organisations").dropColumn("code").execute();
}
