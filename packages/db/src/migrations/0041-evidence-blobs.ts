/**
 * The database evidence store (GIAMSAT_EVIDENCE_STORE=database, PostgreSQL): every stored file
 * once, by its SHA-256 (the same key as `<dataDir>/evidence/<aa>/<sha256>` of the folder store),
 * its bytes in chunks of about 1 MB so that neither a write nor a read holds a whole file in
 * memory. The blob row is written in the same transaction as its chunks: a blob that exists is
 * complete. SQLite gets the tables too (one schema), unused: the folder store serves it.
 */
import { sql } from "kysely";
import { dialectOf, nowIso, type AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  const bytes = dialectOf(db) === "postgres" ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable("evidence_blobs")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema
    .createTable("evidence_chunks")
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("bytes", bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint("evidence_chunks_pk", ["sha256", "seq"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("evidence_chunks").execute();
  await db.schema.dropTable("evidence_blobs").execute();
}
