/**
 * Status counts per first lead unit, ranked as the dashboard shows them (most overdue first, then
 * most tasks). For every task in force as of the day `task_lead_counts` is kept for (migration
 * 0006, normally today) they are read from it — a few thousand rows at national scale; for any
 * other date or a narrower filter (plan, unit, leader, appendix, search, a unit user's scope)
 * they are counted from the tasks.
 */
import { STATUS_CODES } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { fillLeadCounts } from "./lead-counts.sql.js";
import { bucketsAnswer } from "./status-buckets.js";
import type { TaskFilter } from "./task-filter.js";
import { countStatusesByLeadOrg } from "./task.repository.js";
import type { StatusCounts } from "./task.repository.js";
import { soonLimit } from "./task-status.sql.js";
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

async function dayOf(db: Db): Promise<{ as_of: string; soon_until: string } | undefined> {
  return db.selectFrom("task_status_day").select(["as_of", "soon_until"]).executeTakeFirst();
}

/**
 * Makes `task_lead_counts` count as of `w` (rebuilt from the tasks, in one transaction) unless it
 * already does. True when it rebuilt. A plain read when nothing changed: no write lock is taken.
 */
export async function refreshLeadCounts(db: Db, w: StatusWindow): Promise<boolean> {
  const soon = soonLimit(w);
  const day = await dayOf(db);
  if (day?.as_of === w.asOf && day.soon_until === soon) return false;
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable("task_status_day")
      .set({ as_of: w.asOf, soon_until: soon })
      .where((eb) => eb.or([eb("as_of", "<>", w.asOf), eb("soon_until", "<>", soon)]))
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return false; // another request rebuilt it
    await trx.deleteFrom("task_lead_counts").execute();
    await fillLeadCounts(trx);
    return true;
  });
}

const TOTAL = sql.raw(STATUS_CODES.map((c) => `SUM(${c})`).join(" + "));

/** From `task_lead_counts`, or null when it is not kept for this window. */
async function rankFromDay(
  db: Db,
  f: TaskFilter,
  w: StatusWindow,
  limit: number | undefined,
): Promise<LeadRanking | null> {
  let q = db
    .selectFrom("task_lead_counts")
    .innerJoin("task_status_day", (j) => j.onTrue())
    .where("task_status_day.as_of", "=", w.asOf)
    .where("task_status_day.soon_until", "=", soonLimit(w))
    .select("task_lead_counts.lead_org_id")
    .select(STATUS_CODES.map((c) => sql<number>`SUM(${sql.ref(`task_lead_counts.${c}`)})`.as(c)))
    .select([sql<number>`${TOTAL}`.as("total"), sql<number>`COUNT(*) OVER ()`.as("units")])
    .groupBy("task_lead_counts.lead_org_id")
    .having(sql`${TOTAL}`, ">", 0)
    .orderBy(sql`SUM(task_lead_counts.overdue)`, "desc")
    .orderBy(sql`${TOTAL}`, "desc")
    .orderBy("task_lead_counts.lead_org_id");
  if (f.includeConfidential === false) q = q.where("task_lead_counts.confidential", "=", 0);
  if (limit !== undefined) q = q.limit(limit);
  const rows = await q.execute();
  if (rows.length === 0) {
    const day = await dayOf(db);
    if (day?.as_of !== w.asOf || day.soon_until !== soonLimit(w)) return null;
  }
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
  if (bucketsAnswer(filter) && !filter.kind) {
    const fromDay = await rankFromDay(db, filter, filter, limit);
    if (fromDay) return fromDay;
  }
  const all = (await countStatusesByLeadOrg(db, filter)).sort(byRank);
  return { items: limit === undefined ? all : all.slice(0, limit), units: all.length };
}
