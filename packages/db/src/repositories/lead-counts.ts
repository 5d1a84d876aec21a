/**
 * Status counts per first lead unit, ranked as the dashboard shows them (most overdue first, then
 * most tasks). For every task in force (a national filter) they are read from the counts kept
 * per day (migration 0007) — a few thousand rows at national scale; the first request for a date
 * adds the day, counted from the tasks once, and the triggers keep it exact from then on. At most
 * MAX_KEPT_DAYS are kept, the least recently read dropped first. A narrower filter (plan, unit,
 * leader, appendix, search, a unit user's scope) counts from the tasks.
 */
import { STATUS_CODES } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import type { Database } from "../schema.js";
import { fillLeadCounts, KEPT_DAYS } from "./lead-counts.sql.js";
import { bucketsAnswer } from "./status-buckets.js";
import type { TaskFilter } from "./task-filter.js";
import { countStatusesByLeadOrg } from "./task.repository.js";
import type { StatusCounts } from "./task.repository.js";
import { soonLimit } from "./task-status.sql.js";
import type { StatusWindow } from "./task-status.sql.js";

type Db = Kysely<Database>;

/**
 * Every task write updates each kept day's rows of its unit: eight days cost a write 16 small
 * upserts at most, and hold today, the dates of the month's reports and a few month ends.
 */
export const MAX_KEPT_DAYS = 8;
/** How stale a day's `used_at` may get before a read refreshes it (one write an hour, at most). */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export interface LeadUnitCounts {
  orgId: number;
  counts: StatusCounts;
  total: number;
}

export interface LeadRanking {
  /** the first `limit` units, most overdue first, then most tasks, then by id */
  items: LeadUnitCounts[];
  /** how many units lead at least one of the tasks counted */
  units: number;
}

async function keptDay(db: Db, w: StatusWindow) {
  return db
    .selectFrom("task_count_days")
    .select(["id", "used_at"])
    .where("as_of", "=", w.asOf)
    .where("soon_until", "=", soonLimit(w))
    .executeTakeFirst();
}

/**
 * Adds the day `w` to the kept days, counted from the tasks in one transaction, dropping the
 * least recently read days beyond MAX_KEPT_DAYS; its id (another request's, if it came first).
 * On PostgreSQL the transaction first locks `task_count_days` in EXCLUSIVE mode, which waits for
 * the transactions writing tasks (their triggers hold ROW SHARE) and holds back new ones, so that
 * every write is counted once: by the fill, or by its trigger.
 */
export async function keepDay(db: Db, w: StatusWindow): Promise<number> {
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    if (dialectOf(trx) === "postgres")
      await sql`LOCK TABLE task_count_days IN EXCLUSIVE MODE`.execute(trx);
    const added = await trx
      .insertInto("task_count_days")
      .values({ as_of: w.asOf, soon_until: soonLimit(w), used_at: now.toISOString() })
      .onConflict((c) => c.columns(["as_of", "soon_until"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!added) return (await keptDay(trx, w))!.id;
    const stale = (
      await trx
        .selectFrom("task_count_days")
        .select("id")
        .where("id", "<>", added.id)
        .orderBy("used_at", "desc")
        .orderBy("id", "desc")
        .offset(MAX_KEPT_DAYS - 1)
        .limit(1_000) // SQLite takes OFFSET only after a LIMIT
        .execute()
    ).map((d) => d.id);
    if (stale.length) {
      await trx.deleteFrom("task_lead_counts").where("day_id", "in", stale).execute();
      await trx.deleteFrom("task_count_days").where("id", "in", stale).execute();
    }
    await fillLeadCounts(trx, KEPT_DAYS, { id: added.id, window: w });
    return added.id;
  });
}

/** The kept day's id (added if not kept yet); its `used_at` refreshed when stale. */
async function dayFor(db: Db, w: StatusWindow): Promise<number> {
  const day = await keptDay(db, w);
  if (!day) return keepDay(db, w);
  const now = new Date();
  if (now.getTime() - Date.parse(day.used_at) > TOUCH_AFTER_MS)
    await db
      .updateTable("task_count_days")
      .set({ used_at: now.toISOString() })
      .where("id", "=", day.id)
      .execute();
  return day.id;
}

const TOTAL = sql.raw(STATUS_CODES.map((c) => `SUM(${c})`).join(" + "));

/** From the counts kept for the day `dayId`. */
async function rankFromDay(
  db: Db,
  f: TaskFilter,
  dayId: number,
  limit: number | undefined,
): Promise<LeadRanking> {
  let q = db
    .selectFrom("task_lead_counts")
    .where("day_id", "=", dayId)
    .select("lead_org_id")
    .select(STATUS_CODES.map((c) => sql<number>`SUM(${sql.ref(c)})`.as(c)))
    .select([sql<number>`${TOTAL}`.as("total"), sql<number>`COUNT(*) OVER ()`.as("units")])
    .groupBy("lead_org_id")
    .having(sql`${TOTAL}`, ">", 0)
    .orderBy(sql`SUM(overdue)`, "desc")
    .orderBy(sql`${TOTAL}`, "desc")
    .orderBy("lead_org_id");
  if (f.includeConfidential === false) q = q.where("confidential", "=", 0);
  if (limit !== undefined) q = q.limit(limit);
  const rows = await q.execute();
  return {
    items: rows.map((r) => ({
      orgId: r.lead_org_id,
      counts: Object.fromEntries(STATUS_CODES.map((c) => [c, Number(r[c])])) as StatusCounts,
      total: Number(r.total),
    })),
    units: rows.length ? Number(rows[0]!.units) : 0,
  };
}

function byRank(a: LeadUnitCounts, b: LeadUnitCounts): number {
  return b.counts.overdue - a.counts.overdue || b.total - a.total || a.orgId - b.orgId;
}

/**
 * Lead units ranked with their status counts; `limit` omitted: every unit. A national filter
 * reads (and, the first time for its date, adds) the day's kept counts: a write.
 */
export async function rankLeadUnits(
  db: Db,
  filter: TaskFilter & StatusWindow,
  limit?: number,
): Promise<LeadRanking> {
  if (bucketsAnswer(filter) && !filter.kind) {
    const dayId = await dayFor(db, filter);
    const kept = await rankFromDay(db, filter, dayId, limit);
    // no rows: no task, or the day dropped meanwhile by requests for many other dates
    if (kept.units > 0 || (await keptDay(db, filter))?.id === dayId) return kept;
  }
  const all = (await countStatusesByLeadOrg(db, filter)).sort(byRank);
  return { items: limit === undefined ? all : all.slice(0, limit), units: all.length };
}
