/**
 * What the digests list: reports and indicator values waiting for review (daily, to the
 * monitoring department), and for the leaders' week the tasks that became overdue, those
 * completed, and the units with the most overdue tasks. Lists are cut at `limit`; totals count everything.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../schema.js";

type Db = Kysely<Database>;

export type DigestTaskRow = {
  id: number;
  number: string | null;
  name: string;
  unit_name: string | null;
};

/**
 * The submitted reports that no later report corrects (not superseded: the review queue),
 * oldest first; counted and listed from the queue index (migration 0026) without reading the
 * reports themselves.
 */
export async function waitingReports(
  db: Db,
  limit: number,
): Promise<{ total: number; rows: DigestTaskRow[] }> {
  const base = db
    .selectFrom("progress_reports as r")
    .where("r.status", "=", "submitted")
    .where("r.superseded", "=", 0);
  const [count, rows] = await Promise.all([
    base.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
    base
      .innerJoin("tasks as t", "t.id", "r.task_id")
      .leftJoin("organisations as o", "o.id", "r.org_id")
      .select(["t.id", "t.number", "t.name", "o.name as unit_name"])
      .orderBy("r.submitted_at")
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export type DigestValueRow = {
  id: number;
  number: string | null;
  name: string;
  period: string;
  unit_name: string | null;
};

/**
 * The indicator values waiting for review (submitted), oldest first, with their indicator,
 * counted and listed from the status index (migration 0011).
 */
export async function waitingIndicatorValues(
  db: Db,
  limit: number,
): Promise<{ total: number; rows: DigestValueRow[] }> {
  const base = db.selectFrom("indicator_values as v").where("v.status", "=", "submitted");
  const [count, rows] = await Promise.all([
    base.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
    base
      .innerJoin("indicators as i", "i.id", "v.indicator_id")
      .leftJoin("organisations as o", "o.id", "v.org_id")
      .select(["i.id", "i.number", "i.name", "v.period", "o.name as unit_name"])
      .orderBy("v.submitted_at")
      .orderBy("v.id")
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

function openTasks(db: Db) {
  return db
    .selectFrom("tasks as t")
    .leftJoin("organisations as o", "o.id", "t.lead_org_id")
    .where("t.removed_at", "is", null)
    .where("t.cancelled_at", "is", null);
}

/** Open tasks whose deadline fell in `from`..`to`: they became overdue that week. */
export async function tasksBecameOverdue(db: Db, from: string, to: string, limit: number) {
  const base = openTasks(db)
    .where("t.kind", "=", "time-bound")
    .where("t.completed_on", "is", null)
    .where("t.due_date", ">=", from)
    .where("t.due_date", "<=", to);
  return listed(base, limit);
}

/** Tasks whose completion (an accepted report) is dated in `from`..`to`. */
export async function tasksCompletedBetween(db: Db, from: string, to: string, limit: number) {
  const base = openTasks(db).where("t.completed_on", ">=", from).where("t.completed_on", "<=", to);
  return listed(base, limit);
}

async function listed(base: ReturnType<typeof openTasks>, limit: number) {
  const [count, rows] = await Promise.all([
    base.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
    base
      .select(["t.id", "t.number", "t.name", "o.name as unit_name"])
      .orderBy("t.id")
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(count.n), rows: rows as DigestTaskRow[] };
}

/** The units with the most open tasks overdue as of `asOf`. */
export async function unitsMostOverdue(db: Db, asOf: string, limit: number) {
  const rows = await openTasks(db)
    .innerJoin("organisations as u", "u.id", "t.lead_org_id")
    .where("t.kind", "=", "time-bound")
    .where("t.completed_on", "is", null)
    .where("t.due_date", "<", asOf)
    .select(["u.name", sql<number>`count(*)`.as("n")])
    .groupBy(["u.id", "u.name"])
    .orderBy(sql`count(*)`, "desc")
    .orderBy("u.name")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ unitName: r.name, overdue: Number(r.n) }));
}
