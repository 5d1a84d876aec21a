import type { Database as BetterSqlite, Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** How many distinct SQL texts keep their prepared statement (least recently used dropped). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite handle given to Kysely, with each SQL text prepared once and reused: Kysely's
 * driver prepares every query it runs, which costs as much as running a short one. Reuse is
 * safe because Kysely runs one query at a time on the connection (a streamed select holds it
 * until its iterator ends), and SQLite re-prepares a statement by itself after a schema change.
 */
export function cachingStatements(
  database: BetterSqlite,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
