import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

/**
 * PostgreSQL: runs `fn` on one connection inside a read-only repeatable-read transaction, with
 * the id of the snapshot it exports — `pg_dump --snapshot=ID` then dumps exactly what `fn`
 * reads (the backup's census), however the database changes meanwhile.
 */
export async function withExportedSnapshot<T>(
  db: Kysely<Database>,
  fn: (db: Kysely<Database>, snapshotId: string) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(conn);
    try {
      const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(conn);
      return await fn(conn, rows[0]!.id);
    } finally {
      await sql`COMMIT`.execute(conn);
    }
  });
}
