/**
 * What the day's reminders are computed from: holidays, each plan's reminder offsets, the tasks
 * whose units still owe a report for a period, open tasks with a deadline up to a day, which
 * units have staff (the overdue ladder), and the users an event notice names.
 */
import { sql, type Kysely } from "kysely";
import type { Database, UserRole } from "../../schema.js";

type Db = Kysely<Database>;

export async function listHolidays(db: Db): Promise<{ date: string; name: string }[]> {
  return db.selectFrom("holidays").select(["date", "name"]).orderBy("date").execute();
}

/** Replaces every holiday (the administrator's list). */
export async function saveHolidays(
  db: Db,
  days: readonly { date: string; name: string }[],
): Promise<void> {
  await db.deleteFrom("holidays").execute();
  if (days.length)
    await db
      .insertInto("holidays")
      .values([...days])
      .execute();
}

export type ReminderSettingsRow = {
  plan_id: number;
  report_days: string;
  deadline_days: string;
  overdue_every_days: number;
};

export async function listReminderSettings(db: Db): Promise<ReminderSettingsRow[]> {
  return db.selectFrom("reminder_settings").selectAll().execute();
}

export async function saveReminderSettings(db: Db, row: ReminderSettingsRow): Promise<void> {
  await db
    .insertInto("reminder_settings")
    .values(row)
    .onConflict((oc) =>
      oc.column("plan_id").doUpdateSet({
        report_days: row.report_days,
        deadline_days: row.deadline_days,
        overdue_every_days: row.overdue_every_days,
      }),
    )
    .execute();
}

export type PlanLabelRow = { id: number; kind: string | null; number: string | null };

/** Plans in force (not drafts) with what names them in a mail. */
export async function listReminderPlans(db: Db): Promise<PlanLabelRow[]> {
  return db
    .selectFrom("plans")
    .select(["id", "kind", "number"])
    .where("draft", "=", 0)
    .orderBy("id")
    .execute();
}

/** A task as the day's run sees it: no number or name (those are read for the hits only). */
export type ReminderTaskRow = {
  id: number;
  plan_id: number;
  lead_org_id: number;
  confidential: number;
  due_date: string | null;
};

/**
 * Tasks of the given plans (at most a few hundred: one query) whose lead unit still owes the
 * period's report: in force, not completed, started by the period's end, and with no report for
 * the period that was sent or accepted ("không phát sinh" counts as a report; a returned one
 * does not). In each plan's task order.
 */
export async function tasksOwingReport(
  db: Db,
  planIds: readonly number[],
  period: { key: string; end: string },
): Promise<ReminderTaskRow[]> {
  if (!planIds.length) return [];
  return db
    .selectFrom("tasks as t")
    .select(["t.id", "t.plan_id", "t.confidential", "t.due_date"])
    .select(sql<number>`t.lead_org_id`.as("lead_org_id"))
    .where("t.plan_id", "in", [...planIds])
    .where("t.lead_org_id", "is not", null)
    .where("t.removed_at", "is", null)
    .where("t.cancelled_at", "is", null)
    .where("t.completed_on", "is", null)
    .where((eb) => eb.or([eb("t.start_date", "is", null), eb("t.start_date", "<=", period.end)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("progress_reports as r")
            .select("r.id")
            .whereRef("r.task_id", "=", "t.id")
            .where("r.period_key", "=", period.key)
            .where("r.status", "in", ["awaiting_signoff", "submitted", "accepted"]),
        ),
      ),
    )
    .orderBy("t.plan_id")
    .orderBy("t.ordinal")
    .execute();
}

/** Open time-bound tasks (in force, not completed) with a lead unit and a deadline up to `until`. */
export async function openTasksDueBy(db: Db, until: string): Promise<ReminderTaskRow[]> {
  return db
    .selectFrom("tasks as t")
    .select(["t.id", "t.plan_id", "t.confidential", "t.due_date"])
    .select(sql<number>`t.lead_org_id`.as("lead_org_id"))
    .where("t.kind", "=", "time-bound")
    .where("t.lead_org_id", "is not", null)
    .where("t.due_date", "is not", null)
    .where("t.due_date", "<=", until)
    .where("t.removed_at", "is", null)
    .where("t.cancelled_at", "is", null)
    .where("t.completed_on", "is", null)
    .execute();
}

/** The number and name of each task given (those found), read 1,000 a query. */
export async function taskRefsByIds(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { id: number; number: string | null; name: string }>> {
  const unique = [...new Set(ids)];
  const out = new Map<number, { id: number; number: string | null; name: string }>();
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db
      .selectFrom("tasks")
      .select(["id", "number", "name"])
      .where("id", "in", unique.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

export type RecipientRow = {
  id: number;
  role: UserRole;
  email: string | null;
  org_id: number | null;
};

/**
 * The units, of those given, that have an active staff member (the first rung of the overdue
 * ladder falls to the head where there is none).
 */
export async function unitsWithStaff(db: Db, orgIds: readonly number[]): Promise<Set<number>> {
  const ids = [...new Set(orgIds)];
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("user_orgs as uo")
      .innerJoin("users as u", "u.id", "uo.user_id")
      .select("uo.org_id")
      .distinct()
      .where("u.active", "=", 1)
      .where("u.role", "=", "unit_staff")
      .where("uo.org_id", "in", ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.org_id);
  }
  return found;
}

/** The users named, as recipients that are active. */
export async function recipientsByIds(db: Db, ids: readonly number[]): Promise<RecipientRow[]> {
  if (!ids.length) return [];
  return db
    .selectFrom("users")
    .select(["id", "role", "email", "org_id"])
    .where("id", "in", [...ids])
    .where("active", "=", 1)
    .execute();
}

/** What a review notice names: the report's task, period and author. */
export async function reviewNoticeSource(db: Db, reportId: number) {
  return db
    .selectFrom("progress_reports as r")
    .innerJoin("tasks as t", "t.id", "r.task_id")
    .select(["r.period_key", "r.submitted_by", "t.id", "t.number", "t.name"])
    .where("r.id", "=", reportId)
    .executeTakeFirstOrThrow();
}

/** What a decision notice names: the request's task and proposer. */
export async function changeNoticeSource(db: Db, changeRequestId: number) {
  return db
    .selectFrom("change_requests as c")
    .innerJoin("tasks as t", "t.id", "c.task_id")
    .select(["c.proposed_by", "t.id", "t.number", "t.name"])
    .where("c.id", "=", changeRequestId)
    .executeTakeFirstOrThrow();
}
