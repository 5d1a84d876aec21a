import type { Insertable, Kysely } from "kysely";
import type { Database, EvidenceRow, EvidenceTable } from "../schema.js";

type Db = Kysely<Database>;

/** Stores a report's evidence items; returns them as stored (with their ids), in order. */
export async function insertEvidence(
  db: Db,
  rows: readonly Insertable<EvidenceTable>[],
): Promise<EvidenceRow[]> {
  if (!rows.length) return [];
  const stored = await db
    .insertInto("evidence")
    .values([...rows])
    .returningAll()
    .execute();
  return stored.sort((a, b) => a.id - b.id);
}

export async function listEvidence(db: Db, reportIds: readonly number[]): Promise<EvidenceRow[]> {
  if (!reportIds.length) return [];
  return db
    .selectFrom("evidence")
    .selectAll()
    .where("report_id", "in", [...reportIds])
    .orderBy("id")
    .execute();
}

/** One evidence item with the task its report belongs to (for the scope check). */
export async function findEvidence(
  db: Db,
  id: number,
): Promise<(EvidenceRow & { task_id: number }) | undefined> {
  return db
    .selectFrom("evidence")
    .innerJoin("progress_reports", "progress_reports.id", "evidence.report_id")
    .selectAll("evidence")
    .select("progress_reports.task_id")
    .where("evidence.id", "=", id)
    .executeTakeFirst();
}

/** Whether any saved evidence item or feedback attachment refers to the stored file at `storagePath`. */
export async function isEvidenceFileReferenced(db: Db, storagePath: string): Promise<boolean> {
  const row = await db
    .selectFrom("evidence")
    .select("id")
    .where("storage_path", "=", storagePath)
    .union(db.selectFrom("feedback_files").select("id").where("storage_path", "=", storagePath))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
