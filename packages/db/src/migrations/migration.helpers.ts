/**
 * The few places where SQLite and PostgreSQL DDL differ, in one helper so that every migration
 * is written once: autoincrement ids and the "now as ISO text" default.
 */
import { PostgresAdapter, sql } from "kysely";
import type { CreateTableBuilder, Kysely, RawBuilder } from "kysely";
import type { DialectName } from "../connection.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** Current UTC time as ISO text `YYYY-MM-DDTHH:MM:SS.sssZ`, as a column default. */
export function nowIso(db: AnyDb): RawBuilder<string> {
  return dialectOf(db) === "postgres"
    ? sql<string>`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql<string>`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
}

/** `CREATE TABLE name (id <autoincrement integer primary key>, …)`. */
export function createTableWithId(db: AnyDb, name: string): CreateTableBuilder<string, "id"> {
  const postgres = dialectOf(db) === "postgres";
  return db.schema
    .createTable(name)
    .addColumn("id", "integer", (col) =>
      postgres ? col.generatedByDefaultAsIdentity().primaryKey() : col.primaryKey().autoIncrement(),
    );
}
