/**
 * Row triggers on `tasks` that keep a summary table exact (migrations 0005 and 0006): on SQLite
 * four triggers, each taking the old row away or adding the new one; on PostgreSQL three triggers
 * calling one plpgsql function named like them.
 */
import { sql } from "kysely";
import type { RawBuilder } from "kysely";
import { dialectOf } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

export type TriggerRow = "NEW" | "OLD";

export interface SqliteTaskTriggers {
  /** whether the row counts (is in force, …) */
  when: (row: TriggerRow) => RawBuilder<unknown>;
  /** the statements adding (1) or taking away (-1) the row */
  apply: (row: TriggerRow, sign: 1 | -1) => RawBuilder<unknown>;
}

export async function createSqliteTaskTriggers(
  db: AnyDb,
  name: string,
  watched: RawBuilder<unknown>,
  { when, apply }: SqliteTaskTriggers,
): Promise<void> {
  const id = (event: string) => sql.raw(`${name}_${event}`);
  await sql`CREATE TRIGGER ${id("insert")} AFTER INSERT ON tasks
    WHEN ${when("NEW")} BEGIN ${apply("NEW", 1)} END`.execute(db);
  await sql`CREATE TRIGGER ${id("delete")} AFTER DELETE ON tasks
    WHEN ${when("OLD")} BEGIN ${apply("OLD", -1)} END`.execute(db);
  await sql`CREATE TRIGGER ${id("update_old")} AFTER UPDATE OF ${watched} ON tasks
    WHEN ${when("OLD")} BEGIN ${apply("OLD", -1)} END`.execute(db);
  await sql`CREATE TRIGGER ${id("update_new")} AFTER UPDATE OF ${watched} ON tasks
    WHEN ${when("NEW")} BEGIN ${apply("NEW", 1)} END`.execute(db);
}

/** The triggers calling the plpgsql function `name()` (already created). */
export async function createPostgresTaskTriggers(
  db: AnyDb,
  name: string,
  watched: RawBuilder<unknown>,
): Promise<void> {
  const id = (event: string) => sql.raw(`${name}_${event}`);
  const fn = sql.raw(`${name}()`);
  await sql`CREATE TRIGGER ${id("insert")} AFTER INSERT ON tasks
    FOR EACH ROW EXECUTE FUNCTION ${fn}`.execute(db);
  await sql`CREATE TRIGGER ${id("delete")} AFTER DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION ${fn}`.execute(db);
  await sql`CREATE TRIGGER ${id("update")} AFTER UPDATE OF ${watched} ON tasks
    FOR EACH ROW EXECUTE FUNCTION ${fn}`.execute(db);
}

export async function dropTaskTriggers(db: AnyDb, name: string): Promise<void> {
  const postgres = dialectOf(db) === "postgres";
  for (const event of ["insert", "delete", "update", "update_old", "update_new"]) {
    const id = sql.raw(`${name}_${event}`);
    await (
      postgres ? sql`DROP TRIGGER IF EXISTS ${id} ON tasks` : sql`DROP TRIGGER IF EXISTS ${id}`
    ).execute(db);
  }
  if (postgres) await sql`DROP FUNCTION IF EXISTS ${sql.raw(`${name}()`)}`.execute(db);
}
