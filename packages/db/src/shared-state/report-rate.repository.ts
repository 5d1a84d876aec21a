/**
 * The per-user limit's counts (`report_rates`): reports a user sent in the window that began at
 * `since_ms`, kept by the submission's own write so that every server on the database agrees;
 * a report refused or not saved (its statement or transaction failed) is not counted.
 */
import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type ReportRateCount = { sent: number; sinceMs: number };

/** The limit (`max` reports within `windowMs`) and now, epoch ms. */
export type ReportRate = { max: number; windowMs: number; nowMs: number };

/**
 * Counts one report unless the user's window is full (`max` sent): no row then. The window
 * starts again (at `nowMs`) once `windowMs` has passed since it began. Atomic whatever other
 * servers count at the same time; returns the count after it. With `onlyIf`, counts only when
 * that holds (a condition of the statement the count is part of).
 */
export function countReportSent(
  db: Db,
  userId: number,
  rate: ReportRate,
  onlyIf?: Expression<SqlBool>,
) {
  const ended = rate.nowMs - rate.windowMs;
  const into = db.insertInto("report_rates");
  return (
    onlyIf
      ? into
          .columns(["user_id", "sent", "since_ms"])
          .expression(
            db
              .selectNoFrom([
                sql<number>`cast(${userId} as integer)`.as("user_id"),
                sql<number>`1`.as("sent"),
                sql<number>`cast(${rate.nowMs} as double precision)`.as("since_ms"),
              ])
              .where(onlyIf),
          )
      : into.values({ user_id: userId, sent: 1, since_ms: rate.nowMs })
  )
    .onConflict((oc) =>
      oc
        .column("user_id")
        .doUpdateSet({
          sent: sql`CASE WHEN report_rates.since_ms <= ${ended} THEN 1
            ELSE report_rates.sent + 1 END`,
          since_ms: sql`CASE WHEN report_rates.since_ms <= ${ended} THEN ${rate.nowMs}
            ELSE report_rates.since_ms END`,
        })
        .where((eb) =>
          eb.or([eb("report_rates.since_ms", "<=", ended), eb("report_rates.sent", "<", rate.max)]),
        ),
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
