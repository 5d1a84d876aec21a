/**
 * A change request sent again after it was returned (by the unit head) or not approved (by the
 * leader) is a new request that names the one it follows (`resubmits_id`); the returned one
 * keeps its history. A request is sent again at most once (a partial unique index).
 */
import { sql } from "kysely";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("change_requests")
    .addColumn("resubmits_id", "integer", (c) => c.references("change_requests.id"))
    .execute();
  await db.schema
    .createIndex("change_requests_one_resubmission")
    .unique()
    .on("change_requests")
    .column("resubmits_id")
    .where(sql.ref("resubmits_id"), "is not", null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("change_requests_one_resubmission").execute();
  await db.schema.alterTable("change_requests").dropColumn("resubmits_id").execute();
}
