/**
 * The per-user limit's counts (`report_rates`): reports a user sent in the window that began at
 * `since_ms`, kept by the submission's own statement so that every server on the database
 * agrees and a report that is not saved (its transaction rolled back) is not counted.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type ReportRateCount = { sent: number; sinceMs: number };

/**
 * Counts one report: the window starts again (at `nowMs`) once `windowMs` has passed since it
 * began. Atomic whatever other servers count at the same time; returns the count after it.
 */
export function countReportSent(db: Db, userId: number, nowMs: number, windowMs: number) {
  return db
    .insertInto("report_rates")
    .values({ user_id: userId, sent: 1, since_ms: nowMs })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({
        sent: sql`CASE WHEN report_rates.since_ms <= ${nowMs - windowMs} THEN 1
          ELSE report_rates.sent + 1 END`,
        since_ms: sql`CASE WHEN report_rates.since_ms <= ${nowMs - windowMs} THEN ${nowMs}
          ELSE report_rates.since_ms END`,
      }),
    )
    .returning(["sent", "since_ms"]);
}

/** The user's count in its current window (none when the window is over or never began). */
export async function reportRateCount(
  db: Db,
  userId: number,
  nowMs: number,
  windowMs: number,
): Promise<ReportRateCount | undefined> {
  const row = await db
    .selectFrom("report_rates")
    .select(["sent", "since_ms"])
    .where("user_id", "=", userId)
    .where("since_ms", ">", nowMs - windowMs)
    .executeTakeFirst();
  return row ? { sent: Number(row.sent), sinceMs: Number(row.since_ms) } : undefined;
}
