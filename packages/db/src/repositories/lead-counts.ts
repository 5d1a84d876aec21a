/**
 * Status counts per first lead unit, ranked as the dashboard shows them (most overdue first, then
 * most tasks). For every task in force (a national filter) they sum the status events kept per
 * unit (migration 0030, migrations/status-day-events.sql.ts) up to the date — any date, a few
 * dozen rows per unit. A narrower filter (plan, unit, leader, appendix, search, a unit user's
 * scope), or a due-soon window not kept, counts from the tasks.
 */
import { DEFAULT_DUE_SOON_DAYS, STATUS_CODES } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import { applyStatusEvents, COUNTED } from "../migrations/status-day-events.sql.js";
import type { Database } from "../schema.js";
import { inLevelRange, upToDate } from "./day-levels.js";
import { bucketsAnswer } from "./status-buckets.js";
import type { TaskFilter } from "./task-filter.js";
import { countStatusesByLeadOrg } from "./task.repository.js";
import type { StatusCounts } from "./task.repository.js";
import type { StatusWindow } from "./task-status.sql.js";

type Db = Kysely<Database>;

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

async function windowKept(db: Db, days: number): Promise<boolean> {
  const row = await db
    .selectFrom("task_soon_windows")
    .select("days")
    .where("days", "=", days)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Keeps the status events for a due-soon window (a server configured with a window other than
 * the default one, at start): counted from the tasks once, then by the triggers. On PostgreSQL
 * the table of windows is locked EXCLUSIVE first, which waits for the transactions writing tasks
 * (their triggers hold ROW SHARE) and holds back new ones: each write is counted once.
 */
export async function keepSoonWindow(db: Db, days: number): Promise<void> {
  if (await windowKept(db, days)) return;
  await db.transaction().execute(async (trx) => {
    const dialect = dialectOf(trx);
    if (dialect === "postgres")
      await sql`LOCK TABLE task_soon_windows IN EXCLUSIVE MODE`.execute(trx);
    const added = await trx
      .insertInto("task_soon_windows")
      .values({ days })
      .onConflict((c) => c.column("days").doNothing())
      .returning("days")
      .executeTakeFirst();
    if (!added) return;
    await sql
      .raw(applyStatusEvents(dialect, "t", 1, `${COUNTED("t")} AND w.days = ${Number(days)}`))
      .execute(trx);
  });
}

const TOTAL = sql.raw(STATUS_CODES.map((c) => `SUM(${c})`).join(" + "));

/**
 * The kept events of window `days` summed up to `asOf`: the years before its own, the months of
 * its year before its own, the days of its month up to it (three index ranges).
 */
async function rankFromEvents(
  db: Db,
  f: TaskFilter,
  asOf: string,
  days: number,
  limit: number | undefined,
): Promise<LeadRanking> {
  const events = upToDate(asOf, (r) =>
    db
      .selectFrom("unit_status_days")
      .select(["lead_org_id", ...STATUS_CODES])
      .where("soon_days", "=", days)
      .where(inLevelRange(r))
      .$if(f.includeConfidential === false, (q) => q.where("confidential", "=", 0)),
  );
  const rows = await db
    .selectFrom(events.as("e"))
    .select("lead_org_id")
    .select(STATUS_CODES.map((c) => sql<number>`SUM(${sql.ref(c)})`.as(c)))
    .select([sql<number>`${TOTAL}`.as("total"), sql<number>`COUNT(*) OVER ()`.as("units")])
    .groupBy("lead_org_id")
    .having(sql`${TOTAL}`, ">", 0)
    .orderBy(sql`SUM(overdue)`, "desc")
    .orderBy(sql`${TOTAL}`, "desc")
    .orderBy("lead_org_id")
    .$if(limit !== undefined, (q) => q.limit(limit!))
    .execute();
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

/** Lead units ranked with their status counts; `limit` omitted: every unit. */
export async function rankLeadUnits(
  db: Db,
  filter: TaskFilter & StatusWindow,
  limit?: number,
): Promise<LeadRanking> {
  const days = filter.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (bucketsAnswer(filter) && !filter.kind && (await windowKept(db, days)))
    return rankFromEvents(db, filter, filter.asOf, days, limit);
  const all = (await countStatusesByLeadOrg(db, filter)).sort(byRank);
  return { items: limit === undefined ? all : all.slice(0, limit), units: all.length };
}
