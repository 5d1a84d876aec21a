/**
 * What "how long after a reminder do reports arrive" is read from: the first report-day
 * reminder queued for each (plan, unit, period) — fan-out rule `report_due`, item
 * `plan:P:org:O`: one row per unit message, however many members — and the first report of each
 * of the unit's tasks of that plan for the period.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../schema.js";

type Db = Kysely<Database>;

export type ReminderResponseSource = { unitId: number; remindedAt: string; reportedAt: string };

const ITEM = /^plan:(\d+):org:(\d+)$/;

/** Pairs (first reminder, first report after it) for the given units (all when omitted). */
export async function reminderResponseRows(
  db: Db,
  unitIds?: readonly number[],
): Promise<ReminderResponseSource[]> {
  const reminders = await db
    .selectFrom("notification_fanout")
    .select(["item", "period", (eb) => eb.fn.min<string>("created_at").as("first_at")])
    .where("rule", "=", "report_due")
    .groupBy(["item", "period"])
    .execute();
  const wanted = unitIds && new Set(unitIds);
  const first = new Map<string, string>();
  for (const r of reminders) {
    const m = ITEM.exec(r.item);
    if (!m || (wanted && !wanted.has(Number(m[2])))) continue;
    first.set(`${m[1]}:${m[2]}:${r.period}`, r.first_at);
  }
  if (!first.size) return [];
  const units = [...new Set([...first.keys()].map((k) => Number(k.split(":")[1])))];
  const periods = [...new Set([...first.keys()].map((k) => k.split(":")[2]!))];
  const out: ReminderResponseSource[] = [];
  for (let i = 0; i < units.length; i += 500) {
    const reports = await db
      .selectFrom("progress_reports as r")
      .innerJoin("tasks as t", "t.id", "r.task_id")
      .select([
        "t.plan_id",
        "t.lead_org_id",
        "r.period_key",
        (eb) => eb.fn.min<string>("r.submitted_at").as("first_at"),
      ])
      .where("t.lead_org_id", "in", units.slice(i, i + 500))
      .where("r.period_key", "in", periods)
      .groupBy(["t.plan_id", "t.lead_org_id", "r.task_id", "r.period_key"])
      .execute();
    for (const r of reports) {
      const remindedAt = first.get(`${r.plan_id}:${r.lead_org_id}:${r.period_key}`);
      if (remindedAt && r.first_at >= remindedAt)
        out.push({ unitId: Number(r.lead_org_id), remindedAt, reportedAt: r.first_at });
    }
  }
  return out;
}
