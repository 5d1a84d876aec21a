/**
 * Report timeliness read from the counts kept by migration 0028 instead of every report: the
 * recurring tasks' windows per unit and calendar, and each unit's on-time first receipts, both
 * summed up to a date. Only for the filters the kept counts answer — every task, optionally without
 * confidential ones; anything narrower reads the tasks (report.repository.ts).
 */
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { CalendarFrequency, Database } from "../schema.js";
import { inLevelRange, upToDate } from "./day-levels.js";
import { bucketsAnswer } from "./status-buckets.js";
import type { TaskFilter } from "./task-filter.js";

type Db = Kysely<Database>;

export function keptTimelinessAnswers(f: TaskFilter): boolean {
  return bucketsAnswer(f) && !f.kind;
}

export type KeptCalendarGroup = {
  lead_org_id: number;
  frequency: CalendarFrequency;
  due_day: number;
  tasks: number;
  weight: number;
};

/** Per unit and calendar, the recurring tasks' windows started and ended by `asOf`. */
export async function keptCalendarGroups(
  db: Db,
  f: TaskFilter,
  asOf: string,
): Promise<KeptCalendarGroup[]> {
  const days = upToDate(asOf, (r) =>
    db
      .selectFrom("unit_recurring_days")
      .select(["lead_org_id", "frequency", "due_day", "tasks", "weight"])
      .where(inLevelRange(r))
      .$if(f.includeConfidential === false, (q) => q.where("confidential", "=", 0)),
  );
  const rows = await db
    .selectFrom(days.as("e"))
    .select(["lead_org_id", "frequency", "due_day"])
    .select([sql<number>`SUM(tasks)`.as("tasks"), sql<number>`SUM(weight)`.as("weight")])
    .groupBy(["lead_org_id", "frequency", "due_day"])
    .execute();
  return rows.map((r) => ({ ...r, tasks: Number(r.tasks), weight: Number(r.weight) }));
}

export type KeptOnTimeTally = { lead_org_id: number; on_time: number; on_time_closed: number };

/**
 * Per unit, its on-time first receipts of owed periods counted by `asOf`, and of them those
 * whose period was due before `asOf` (kept on the day after the due date).
 */
export async function keptOnTimeTallies(
  db: Db,
  f: TaskFilter,
  asOf: string,
): Promise<KeptOnTimeTally[]> {
  const days = upToDate(asOf, (r) =>
    db
      .selectFrom("unit_receipt_days")
      .select(["lead_org_id", "received", "due"])
      .where(inLevelRange(r))
      .$if(f.includeConfidential === false, (q) => q.where("confidential", "=", 0)),
  );
  const rows = await db
    .selectFrom(days.as("e"))
    .select("lead_org_id")
    .select([sql<number>`SUM(received)`.as("on_time"), sql<number>`SUM(due)`.as("on_time_closed")])
    .groupBy("lead_org_id")
    .execute();
  return rows.map((r) => ({
    lead_org_id: r.lead_org_id,
    on_time: Number(r.on_time),
    on_time_closed: Number(r.on_time_closed),
  }));
}
