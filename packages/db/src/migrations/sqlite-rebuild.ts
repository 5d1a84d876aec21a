/**
 * SQLite cannot drop a column constraint (NOT NULL, UNIQUE, REFERENCES): a table is rebuilt from
 * its own CREATE statement with the constraint changed, its rows, its id sequence and the given
 * indexes kept. Only for tables no other table refers to (a foreign key to it would follow the
 * old table's rename).
 */
import { sql, type RawBuilder } from "kysely";
import type { AnyDb } from "./migration.helpers.js";

export type SqliteRebuild = {
  table: string;
  /** each change to the CREATE statement: every `from` must be found */
  changes: readonly { from: RegExp; to: string }[];
  /** the table's indexes, created again after the rebuild */
  indexes: readonly RawBuilder<unknown>[];
};

export async function rebuildSqliteTable(db: AnyDb, rebuild: SqliteRebuild): Promise<void> {
  const { table } = rebuild;
  const next = `${table}_next`;
  const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_master
    WHERE type = 'table' AND name = ${table}`.execute(db);
  let create = rows[0]!.sql.replace(new RegExp(`"?${table}"?`), next);
  for (const { from, to } of rebuild.changes) {
    const changed = create.replace(from, to);
    if (changed === create) throw new Error(`${table}: ${String(from)} not found`);
    create = changed;
  }
  // the id sequence goes on where it was (other rows may keep ids of this table)
  const { rows: seq } = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence
    WHERE name = ${table}`.execute(db);
  await sql.raw(create).execute(db);
  await sql`INSERT INTO ${sql.table(next)} SELECT * FROM ${sql.table(table)}`.execute(db);
  await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  await sql`ALTER TABLE ${sql.table(next)} RENAME TO ${sql.table(table)}`.execute(db);
  if (seq[0]) {
    await sql`DELETE FROM sqlite_sequence WHERE name = ${table}`.execute(db);
    await sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table}, ${seq[0].seq})`.execute(db);
  }
  for (const index of rebuild.indexes) await index.execute(db);
}
