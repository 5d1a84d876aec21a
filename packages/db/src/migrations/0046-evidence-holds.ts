/**
 * Holds on stored evidence files while the request that stored them has not saved its report
 * (see shared-state/evidence-holds.repository.ts): kept in the database so that a request failing
 * on one server never removes a file that a request on another server has just stored again.
 * Times are epoch milliseconds, as in 0040.
 */
import { createTableWithId, dialectOf, type AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  const ms = dialectOf(db) === "postgres" ? "double precision" : "real";
  await createTableWithId(db, "evidence_holds")
    .addColumn("storage_path", "text", (c) => c.notNull())
    .addColumn("until_ms", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("evidence_holds_path")
    .on("evidence_holds")
    .columns(["storage_path", "until_ms"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("evidence_holds").execute();
}
