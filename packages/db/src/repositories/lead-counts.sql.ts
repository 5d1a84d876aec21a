/**
 * The SQL of the per-unit counts (migrations 0006 and 0007, lead-counts.ts): `task_lead_counts`
 * has one row per (day, first lead unit, confidentiality) and one column per status code,
 * counting the tasks in force with that status as of the day. Migration 0006 kept one day, in
 * the one-row `task_status_day`; 0007 keeps several, in `task_count_days`, each row of counts
 * naming its day in `day_id`.
 */
import { STATUS_CODES } from "@giamsat/core";
import { sql } from "kysely";
import type { CreateTableBuilder, Kysely, RawBuilder } from "kysely";
import { boundsOf, statusCase } from "./task-status.sql.js";
import type { StatusColumns, StatusWindow } from "./task-status.sql.js";

export const LEAD_COUNT_COLUMNS = STATUS_CODES;

/** The table the days come from, and how a trigger on PostgreSQL waits for a rebuild. */
export interface DaySource {
  table: "task_status_day" | "task_count_days";
  /** whether the counts name their day (`day_id`): several days kept */
  keyed: boolean;
  /** the statement a trigger runs before counting, conflicting with a rebuild's lock */
  postgresLock: string;
}

/** Migration 0006: one day, a one-row table whose row a rebuild updates. */
export const ONE_DAY: DaySource = {
  table: "task_status_day",
  keyed: false,
  postgresLock: "PERFORM 1 FROM task_status_day FOR SHARE",
};

/** Migration 0007: the kept days; adding or dropping one locks the table in EXCLUSIVE mode. */
export const KEPT_DAYS: DaySource = {
  table: "task_count_days",
  keyed: true,
  postgresLock: "LOCK TABLE task_count_days IN ROW SHARE MODE",
};

const COLUMN_LIST = sql.raw(LEAD_COUNT_COLUMNS.join(", "));

/** One count column per status code, 0 by default (the migrations' `task_lead_counts`). */
export function withLeadCountColumns<T extends string>(
  table: CreateTableBuilder<"task_lead_counts", T>,
): CreateTableBuilder<"task_lead_counts", string> {
  let t: CreateTableBuilder<"task_lead_counts", string> = table;
  for (const code of LEAD_COUNT_COLUMNS)
    t = t.addColumn(code, "integer", (c) => c.notNull().defaultTo(0));
  return t;
}

/** The day's dates, read from its table (no value can be bound in a trigger). */
function dayBounds(days: DaySource) {
  return { asOf: sql.ref(`${days.table}.as_of`), soonUntil: sql.ref(`${days.table}.soon_until`) };
}

/** `day_id, ` where the counts name their day, else nothing. */
function dayKey(days: DaySource, column = "day_id"): RawBuilder<unknown> {
  return sql.raw(days.keyed ? `${column}, ` : "");
}

/** `CASE WHEN s = 'code' THEN weight ELSE 0 END, …` in column order, for a status `s`. */
function perColumn(
  weight: RawBuilder<unknown>,
  wrap: (e: RawBuilder<unknown>) => RawBuilder<unknown>,
) {
  return sql.join(
    LEAD_COUNT_COLUMNS.map((code) =>
      wrap(sql`CASE WHEN s = ${sql.lit(code)} THEN ${weight} ELSE 0 END`),
    ),
  );
}

/**
 * Counts the tasks in force into `task_lead_counts`, which holds no row for the day yet: as of
 * `day` (its id and dates, bound as values), or for a one-day source as of the day in its table.
 * Counted per (unit, confidentiality, status) first, then spread into columns: evaluating one
 * CASE per column for every task took twice as long.
 */
export async function fillLeadCounts(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- also run by the migrations
  db: Kysely<any>,
  days: DaySource,
  day?: { id: number; window: StatusWindow },
): Promise<void> {
  const status = statusCase(day ? boundsOf(day.window) : dayBounds(days));
  const from = day ? sql`tasks` : sql`tasks CROSS JOIN ${sql.table(days.table)}`;
  const columns = sql`${dayKey(days)}lead_org_id, confidential, ${COLUMN_LIST}`;
  await sql`INSERT INTO task_lead_counts (${columns})
    SELECT ${day ? sql`${day.id}, ` : sql``}lead_org_id, confidential,
      ${perColumn(sql.raw("n"), (e) => sql`SUM(${e})`)}
    FROM (SELECT tasks.lead_org_id, tasks.confidential, ${status} AS s, COUNT(*) AS n
      FROM ${from}
      WHERE tasks.lead_org_id IS NOT NULL AND tasks.removed_at IS NULL
        AND tasks.cancelled_at IS NULL
      GROUP BY 1, 2, 3) AS t
    GROUP BY lead_org_id, confidential`.execute(db);
}

/**
 * The trigger statement adding (`sign` 1) or taking away (-1) one row's status as of every day
 * of the source, in the order of the days' ids (so that concurrent writes lock rows in one order).
 */
export function applyRow(days: DaySource, row: "NEW" | "OLD", sign: 1 | -1): RawBuilder<unknown> {
  const columns: StatusColumns = {
    kind: sql.raw(`${row}.kind`),
    due: sql.raw(`${row}.due_date`),
    completed: sql.raw(`${row}.completed_on`),
  };
  const updates = sql.join(
    LEAD_COUNT_COLUMNS.map((c) => sql.raw(`${c} = task_lead_counts.${c} + excluded.${c}`)),
  );
  const day = dayKey(days);
  const order = days.keyed ? sql`ORDER BY d.day_id` : sql``;
  // "WHERE true": SQLite needs it to read ON CONFLICT after INSERT … SELECT … FROM
  return sql`INSERT INTO task_lead_counts (${day}lead_org_id, confidential, ${COLUMN_LIST})
    SELECT ${dayKey(days, "d.day_id")}${sql.raw(`${row}.lead_org_id, ${row}.confidential`)},
      ${perColumn(sql.lit(sign), (e) => e)}
    FROM (SELECT ${dayKey(days, `${days.table}.id AS day_id`)}${statusCase(dayBounds(days), columns)} AS s
      FROM ${sql.table(days.table)}) AS d WHERE true ${order}
    ON CONFLICT (${day}lead_org_id, confidential) DO UPDATE SET ${updates};`;
}
