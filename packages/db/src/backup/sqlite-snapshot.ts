/**
 * SQLite's online backup API (better-sqlite3 `backup`): a consistent copy of the database file
 * taken while the server keeps writing to it (WAL: the copy reads one snapshot, writers go on);
 * and the checks a restored file must pass.
 */
import SqliteDatabase from "better-sqlite3";

const ALL_PAGES = 0x7fffffff;

/** Copies the live database `source` to `target` (a new file) without stopping its writers. */
export async function snapshotSqlite(source: string, target: string): Promise<void> {
  const database = new SqliteDatabase(source, { fileMustExist: true });
  try {
    database.pragma("busy_timeout = 5000");
    // every page in one step, inside one read transaction: a step-by-step copy restarts each
    // time another connection writes, so under a steady write load it might never end
    await database.backup(target, { progress: () => ALL_PAGES });
  } finally {
    database.close();
  }
}

/** `PRAGMA integrity_check` and `foreign_key_check`: the problems found (none: an empty list). */
export function sqliteProblems(file: string): string[] {
  const database = new SqliteDatabase(file, { fileMustExist: true, readonly: true });
  try {
    const integrity = (database.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== "ok");
    const keys = (database.pragma("foreign_key_check") as { table: string; parent: string }[]).map(
      (r) => `khoá ngoại: một dòng của ${r.table} trỏ tới ${r.parent} không có`,
    );
    return [...integrity, ...keys];
  } finally {
    database.close();
  }
}
