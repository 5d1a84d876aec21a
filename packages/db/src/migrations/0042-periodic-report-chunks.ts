/**
 * A kept periodic report's file in pieces of at most 1 MB (`periodic_report_chunks`) instead of
 * one value: the national workbook of every task (~170 MB at 1M tasks) is stored while it is
 * written and read back while it is sent, never whole in memory. A report being written is not
 * `complete` (a server killed meanwhile leaves one: never listed nor served). The files kept
 * before move into the pieces; `content` stays, empty.
 */
import { sql } from "kysely";
import { dialectOf, type AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  const postgres = dialectOf(db) === "postgres";
  await db.schema
    .createTable("periodic_report_chunks")
    .addColumn("report_id", "integer", (c) =>
      c.notNull().references("periodic_reports.id").onDelete("cascade"),
    )
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("bytes", postgres ? "bytea" : "blob", (c) => c.notNull())
    .addPrimaryKeyConstraint("periodic_report_chunks_pk", ["report_id", "seq"])
    .execute();
  await db.schema
    .alterTable("periodic_reports")
    .addColumn("complete", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`INSERT INTO periodic_report_chunks (report_id, seq, bytes)
    SELECT id, 0, content FROM periodic_reports`.execute(db);
  await sql`UPDATE periodic_reports SET content = ${postgres ? sql`''::bytea` : sql`X''`}`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = dialectOf(db) === "postgres";
  const whole = postgres
    ? sql`(SELECT string_agg(c.bytes, ''::bytea ORDER BY c.seq) FROM periodic_report_chunks c
        WHERE c.report_id = periodic_reports.id)`
    : sql`(SELECT group_concat(c.bytes, X'') FROM (SELECT bytes FROM periodic_report_chunks
        WHERE report_id = periodic_reports.id ORDER BY seq) c)`;
  await sql`DELETE FROM periodic_reports WHERE complete = 0`.execute(db);
  await sql`UPDATE periodic_reports SET content = COALESCE(${whole}, content)`.execute(db);
  await db.schema.dropTable("periodic_report_chunks").execute();
  await db.schema.alterTable("periodic_reports").dropColumn("complete").execute();
}
