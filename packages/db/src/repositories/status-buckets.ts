/**
 * Status counts read from `task_status_buckets` (migration 0005) instead of `tasks`: the same
 * CASE over the bucket's columns, each bucket weighing its `n`. Only for filters the buckets can
 * answer — every task in force, optionally by kind and without confidential tasks; anything
 * narrower (plan, unit, search, leader, appendix, a unit user's scope) reads the tasks.
 */
import type { StatusCode } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { TaskFilter } from "./task-filter.js";
import { statusExpression } from "./task-status.sql.js";
import type { StatusWindow } from "./task-status.sql.js";

const BUCKET_COLUMNS = {
  kind: sql.ref("task_status_buckets.kind"),
  due: sql`NULLIF(task_status_buckets.due_date, '')`,
  completed: sql`NULLIF(task_status_buckets.completed_on, '')`,
};

export function bucketsAnswer(f: TaskFilter): boolean {
  return (
    f.planId === undefined &&
    f.leadOrgId === undefined &&
    f.orgIds === undefined &&
    !f.q?.trim() &&
    f.status === undefined &&
    f.leader === undefined &&
    f.appendixId === undefined &&
    !f.includeInactive
  );
}

/** Rows of (status, n) for a filter `bucketsAnswer` accepts. */
export async function countFromBuckets(
  db: Kysely<Database>,
  f: TaskFilter,
  w: StatusWindow,
): Promise<{ status: StatusCode; n: number }[]> {
  let q = db
    .selectFrom("task_status_buckets")
    .select([
      statusExpression(w, BUCKET_COLUMNS).as("status"),
      sql<number>`SUM(task_status_buckets.n)`.as("n"),
    ]);
  if (f.kind) q = q.where("task_status_buckets.kind", "=", f.kind);
  if (f.includeConfidential === false) q = q.where("task_status_buckets.confidential", "=", 0);
  // by position: PostgreSQL does not match a parameterised CASE in GROUP BY with the SELECT's
  const rows = await q.groupBy(sql`1`).execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}
