/**
 * What a backup records of a database and a restore checks again: the rows of every table, the
 * last migration applied, and the evidence files the rows point to. Each function takes a
 * Kysely instance or a transaction, so that PostgreSQL can read everything inside the snapshot
 * pg_dump saves.
 */
import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connection.js";
import type { Database } from "../schema.js";

/** Every table of the application's schema (SQLite's own tables left out). */
export async function tableNames(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const rows =
    dialect === "sqlite"
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db)
      : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          ORDER BY table_name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** The number of rows of every table. */
export async function tableCounts(
  db: Kysely<Database>,
  dialect: DialectName,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames(db, dialect)) {
    const { rows } = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql.table(
      name,
    )}`.execute(db);
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** The name of the last migration applied (migrations are named in order: 0001-…, 0002-…). */
export async function migrationLevel(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration
    ORDER BY name DESC LIMIT 1`.execute(db);
  const name = rows[0]?.name;
  if (!name) throw new Error("Cơ sở dữ liệu chưa có migration nào (chưa được khởi tạo).");
  return name;
}

/**
 * The evidence files the stored reports and the public feedback's attachments point to (paths
 * relative to the data folder; both live in the one content-addressed store).
 */
export async function referencedEvidence(
  db: Kysely<Database>,
): Promise<{ storagePath: string; sha256: string | null }[]> {
  const rows = await db
    .selectFrom("evidence")
    .select(["storage_path", "sha256"])
    .where("storage_path", "is not", null)
    .union(db.selectFrom("feedback_files").select(["storage_path", "sha256"]))
    .orderBy("storage_path")
    .execute();
  return rows.map((r) => ({ storagePath: r.storage_path as string, sha256: r.sha256 }));
}

/**
 * Every stored file the data refers to, once per path, with a type recorded for it (what
 * `giamsat evidence migrate` copies between stores), in path order.
 */
export async function referencedEvidenceFiles(
  db: Kysely<Database>,
): Promise<{ storagePath: string; mime: string }[]> {
  const { rows } = await sql<{ storage_path: string; mime: string | null }>`
    SELECT storage_path, MAX(mime) AS mime FROM (
      SELECT storage_path, mime FROM evidence WHERE storage_path IS NOT NULL
      UNION ALL SELECT storage_path, mime FROM feedback_files
    ) AS files GROUP BY storage_path ORDER BY storage_path`.execute(db);
  return rows.map((r) => ({
    storagePath: r.storage_path,
    mime: r.mime ?? "application/octet-stream",
  }));
}
