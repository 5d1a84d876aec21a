/**
 * A kept periodic report's file, stored in pieces as it is written and read back piece by
 * piece (migration 0042): the row exists from the start, `complete` once the file is whole.
 */
import type { Insertable, Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { PeriodicReportsTable } from "./periodic-report.schema.js";

type Db = Kysely<Database>;

export type NewKeptReport = Omit<
  Insertable<PeriodicReportsTable>,
  "id" | "generated_at" | "content" | "size" | "complete"
>;

/**
 * Starts keeping a report; its file follows with `appendKeptReportPiece`. Reports left
 * unfinished more than a day ago (a server killed while writing) are removed first.
 */
export async function beginKeptReport(db: Db, row: NewKeptReport): Promise<number> {
  const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
  const stale = db
    .selectFrom("periodic_reports")
    .select("id")
    .where("complete", "=", 0)
    .where("generated_at", "<", dayAgo);
  await db.deleteFrom("periodic_report_chunks").where("report_id", "in", stale).execute();
  await db.deleteFrom("periodic_reports").where("id", "in", stale).execute();
  const { id } = await db
    .insertInto("periodic_reports")
    .values({ ...row, content: Buffer.alloc(0), size: 0, complete: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function appendKeptReportPiece(
  db: Db,
  reportId: number,
  seq: number,
  bytes: Buffer,
): Promise<void> {
  await db
    .insertInto("periodic_report_chunks")
    .values({ report_id: reportId, seq, bytes })
    .execute();
}

/** The file is whole: the report is listed and served from now on. */
export async function completeKeptReport(db: Db, reportId: number, size: number): Promise<void> {
  await db
    .updateTable("periodic_reports")
    .set({ complete: 1, size })
    .where("id", "=", reportId)
    .execute();
}

/** Drops a report whose file could not be written (its pieces go with it). */
export async function dropKeptReport(db: Db, reportId: number): Promise<void> {
  await db.deleteFrom("periodic_report_chunks").where("report_id", "=", reportId).execute();
  await db.deleteFrom("periodic_reports").where("id", "=", reportId).execute();
}

/** The file's pieces in order, one read at a time. */
export async function* keptReportPieces(db: Db, reportId: number): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const piece = await db
      .selectFrom("periodic_report_chunks")
      .select("bytes")
      .where("report_id", "=", reportId)
      .where("seq", "=", seq)
      .executeTakeFirst();
    if (!piece) return;
    yield Buffer.from(piece.bytes);
  }
}
