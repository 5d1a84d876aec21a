/**
 * The SQL shared by migration 0006 and the per-unit counts it keeps (lead-counts.ts):
 * `task_lead_counts` has one row per (first lead unit, confidentiality) and one column per status
 * code, counting the tasks in force with that status as of `task_status_day.as_of`.
 */
import { STATUS_CODES } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely, RawBuilder } from "kysely";
import { statusCase } from "./task-status.sql.js";
import type { StatusBounds, StatusColumns } from "./task-status.sql.js";

export const LEAD_COUNT_COLUMNS = STATUS_CODES;

/** The day the counts are for, read from its one-row table (no value can be bound in a trigger). */
export const DAY_BOUNDS: StatusBounds = {
  asOf: sql.ref("task_status_day.as_of"),
  soonUntil: sql.ref("task_status_day.soon_until"),
};

const COLUMN_LIST = sql.raw(LEAD_COUNT_COLUMNS.join(", "));

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

/** Fills the (empty) table from the tasks in force, as of the day in `task_status_day`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also run by the migration
export async function fillLeadCounts(db: Kysely<any>): Promise<void> {
  const status = statusCase(DAY_BOUNDS);
  await sql`INSERT INTO task_lead_counts (lead_org_id, confidential, ${COLUMN_LIST})
    SELECT lead_org_id, confidential, ${perColumn(sql.lit(1), (e) => sql`SUM(${e})`)}
    FROM (SELECT tasks.lead_org_id, tasks.confidential, ${status} AS s
      FROM tasks CROSS JOIN task_status_day
      WHERE tasks.lead_org_id IS NOT NULL AND tasks.removed_at IS NULL
        AND tasks.cancelled_at IS NULL) AS t
    GROUP BY lead_org_id, confidential`.execute(db);
}

/** The trigger statement adding (`sign` 1) or taking away (-1) one row's status. */
export function applyRow(row: "NEW" | "OLD", sign: 1 | -1): RawBuilder<unknown> {
  const columns: StatusColumns = {
    kind: sql.raw(`${row}.kind`),
    due: sql.raw(`${row}.due_date`),
    completed: sql.raw(`${row}.completed_on`),
  };
  const updates = sql.join(
    LEAD_COUNT_COLUMNS.map((c) => sql.raw(`${c} = task_lead_counts.${c} + excluded.${c}`)),
  );
  // "WHERE true": SQLite needs it to read ON CONFLICT after INSERT … SELECT … FROM
  return sql`INSERT INTO task_lead_counts (lead_org_id, confidential, ${COLUMN_LIST})
    SELECT ${sql.raw(`${row}.lead_org_id, ${row}.confidential`)}, ${perColumn(sql.lit(sign), (e) => e)}
    FROM (SELECT ${statusCase(DAY_BOUNDS, columns)} AS s FROM task_status_day) AS d WHERE true
    ON CONFLICT (lead_org_id, confidential) DO UPDATE SET ${updates};`;
}
