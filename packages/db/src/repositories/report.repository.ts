import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { Database, ProgressReport, ReportStatus } from "../schema.js";
import { prepared } from "../pg-prepared-statements.js";
import { applyTaskFilter, type TaskFilter } from "./task-filter.js";

type Db = Kysely<Database>;

export type ReportWithNames = ProgressReport & {
  submitted_by_name: string | null;
  org_name: string | null;
  signed_off_by_name: string | null;
};

function reportsQuery(db: Db) {
  return db
    .selectFrom("progress_reports")
    .leftJoin("users", "users.id", "progress_reports.submitted_by")
    .leftJoin("users as signer", "signer.id", "progress_reports.signed_off_by")
    .leftJoin("organisations", "organisations.id", "progress_reports.org_id")
    .selectAll("progress_reports")
    .select([
      "users.display_name as submitted_by_name",
      "organisations.name as org_name",
      "signer.display_name as signed_off_by_name",
    ]);
}

export async function findReport(db: Db, id: number): Promise<ReportWithNames | undefined> {
  return reportsQuery(db).where("progress_reports.id", "=", id).executeTakeFirst();
}

/** A task's reports, newest first. */
/** A task's reports, newest first, a page at a time, and how many it has in all. */
export async function listTaskReports(
  db: Db,
  taskId: number,
  page: { limit: number; offset: number },
): Promise<{ items: ReportWithNames[]; total: number }> {
  const [items, count] = await Promise.all([
    reportsQuery(db)
      .where("progress_reports.task_id", "=", taskId)
      .orderBy("progress_reports.submitted_at", "desc")
      .orderBy("progress_reports.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom("progress_reports")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("task_id", "=", taskId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export type ReportFilter = {
  status?: ReportStatus;
  /** only reports on tasks one of these units leads or coordinates (null: every unit) */
  units?: readonly number[] | null;
  taskIds?: readonly number[];
  submittedBy?: number;
  /** false: leave out reports on confidential tasks */
  includeConfidential?: boolean;
  /** leave out reports a later correction supersedes */
  latestOnly?: boolean;
  /** the review queue's filters: the task's plan and kind, the reporting unit, the period */
  planId?: number;
  kind?: "time-bound" | "recurring";
  orgId?: number;
  periodKey?: string;
  limit: number;
  offset: number;
  /** count at most this many matches (`totalCapped` when there are more) */
  countCap?: number;
};

/** How many reports a list counts at most: the national review queue waits for 1.49M at 2M tasks. */
export const REPORT_COUNT_CAP = 1000;

/**
 * Reports matching the filter, oldest first (the review queue order), with the total — up to
 * `countCap` (180 ms counting the 1.49M waiting reports of 2M tasks on PostgreSQL).
 */
export async function listReports(
  db: Db,
  f: ReportFilter,
): Promise<{ items: ReportWithNames[]; total: number; totalCapped: boolean }> {
  let q = reportsQuery(db);
  let c = db.selectFrom("progress_reports").select("progress_reports.id");
  if (f.status) {
    q = q.where("progress_reports.status", "=", f.status);
    c = c.where("progress_reports.status", "=", f.status);
  }
  if (f.submittedBy !== undefined) {
    q = q.where("progress_reports.submitted_by", "=", f.submittedBy);
    c = c.where("progress_reports.submitted_by", "=", f.submittedBy);
  }
  if (f.taskIds) {
    const ids = f.taskIds.length ? [...f.taskIds] : [-1];
    q = q.where("progress_reports.task_id", "in", ids);
    c = c.where("progress_reports.task_id", "in", ids);
  }
  if (f.latestOnly) {
    q = q.where("progress_reports.superseded", "=", 0);
    c = c.where("progress_reports.superseded", "=", 0);
  }
  if (f.includeConfidential === false) {
    const confidential = db
      .selectFrom("tasks")
      .select("tasks.id")
      .where("tasks.confidential", "=", 1);
    q = q.where("progress_reports.task_id", "not in", confidential);
    c = c.where("progress_reports.task_id", "not in", confidential);
  }
  if (f.orgId !== undefined) {
    q = q.where("progress_reports.org_id", "=", f.orgId);
    c = c.where("progress_reports.org_id", "=", f.orgId);
  }
  if (f.periodKey !== undefined) {
    q = q.where("progress_reports.period_key", "=", f.periodKey);
    c = c.where("progress_reports.period_key", "=", f.periodKey);
  }
  if (f.planId !== undefined || f.kind !== undefined) {
    let tasks = db.selectFrom("tasks").select("tasks.id");
    if (f.planId !== undefined) tasks = tasks.where("tasks.plan_id", "=", f.planId);
    if (f.kind !== undefined) tasks = tasks.where("tasks.kind", "=", f.kind);
    q = q.where("progress_reports.task_id", "in", tasks);
    c = c.where("progress_reports.task_id", "in", tasks);
  }
  if (f.units) {
    const units = f.units.length ? [...f.units] : [-1];
    const inUnits = db
      .selectFrom("task_orgs")
      .select("task_orgs.task_id")
      .where("task_orgs.org_id", "in", units);
    q = q.where("progress_reports.task_id", "in", inUnits);
    c = c.where("progress_reports.task_id", "in", inUnits);
  }
  const items = await q
    .orderBy("progress_reports.submitted_at")
    .orderBy("progress_reports.id")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const cap = f.countCap;
  const { n } = await db
    .selectFrom((cap === undefined ? c : c.limit(cap + 1)).as("m"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const total = Number(n);
  return cap !== undefined && total > cap
    ? { items, total: cap, totalCapped: true }
    : { items, total, totalCapped: false };
}

export async function setReportStatus(db: Db, id: number, status: ReportStatus): Promise<void> {
  await db.updateTable("progress_reports").set({ status }).where("id", "=", id).execute();
}

/** The tasks of some reports, with their plan's number (the review queue's task column). */
export async function reportTasks(db: Db, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom("tasks")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select([
      "tasks.id",
      "tasks.number",
      "tasks.name",
      "tasks.kind",
      "tasks.plan_id",
      "plans.number as plan_number",
    ])
    .where("tasks.id", "in", [...taskIds])
    .execute();
}

/** A task's accepted reports (period and time received), for its reporting compliance. */
export async function acceptedReceipts(
  db: Db,
  taskId: number,
): Promise<{ period_key: string; submitted_at: string }[]> {
  return db
    .selectFrom("progress_reports")
    .select(["period_key", "submitted_at"])
    .where("status", "=", "accepted")
    .where("task_id", "=", taskId)
    .execute();
}

/** When a task was cancelled or removed from its plan (it owes no report after that). */
const ended = sql<string | null>`coalesce(tasks.cancelled_at, tasks.removed_at)`;

/** What report timeliness needs of a recurring task: its plan's tracked-from and import days, when it ended. */
export type TimelinessRow = {
  plan_id: number;
  plan_tracked_from: string | null;
  plan_imported_at: string;
  /** when the task was cancelled or removed from its plan */
  ended_at: string | null;
  lead_org_id: number;
};

/**
 * Recurring tasks matching a filter (cancelled and removed ones included: they owed reports
 * until then), counted per plan, end and first lead unit: such tasks owe the same periods
 * (report timeliness, scorecards).
 */
export async function recurringTasksByPlanAndUnit(
  db: Db,
  filter: TaskFilter,
): Promise<(TimelinessRow & { n: number })[]> {
  const rows = await applyTaskFilter(db.selectFrom("tasks"), {
    ...filter,
    kind: "recurring",
    includeInactive: true,
  })
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .where("tasks.lead_org_id", "is not", null)
    .select([
      "tasks.plan_id",
      "plans.tracked_from as plan_tracked_from",
      "plans.imported_at as plan_imported_at",
      "tasks.lead_org_id",
    ])
    .select(ended.as("ended_at"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .groupBy([
      "tasks.plan_id",
      "plans.tracked_from",
      "plans.imported_at",
      "tasks.lead_org_id",
      ended,
    ])
    .execute();
  return rows.map((r) => ({ ...r, lead_org_id: r.lead_org_id as number, n: Number(r.n) }));
}

/**
 * The first accepted report of each period of each recurring task matching a filter (the
 * earliest submitted: corrections come later), with the task as recurringTasksByPlanAndUnit
 * gives it.
 */
export async function firstAcceptedReceipts(
  db: Db,
  filter: TaskFilter,
): Promise<(TimelinessRow & { period_key: string; first_at: string })[]> {
  const rows = await applyTaskFilter(db.selectFrom("tasks"), {
    ...filter,
    kind: "recurring",
    includeInactive: true,
  })
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .innerJoin("progress_reports", "progress_reports.task_id", "tasks.id")
    .where("tasks.lead_org_id", "is not", null)
    .where("progress_reports.status", "=", "accepted")
    .select([
      "tasks.plan_id",
      "plans.tracked_from as plan_tracked_from",
      "plans.imported_at as plan_imported_at",
      "tasks.lead_org_id",
      "progress_reports.period_key",
    ])
    .select(ended.as("ended_at"))
    .select((eb) => eb.fn.min("progress_reports.submitted_at").as("first_at"))
    .groupBy([
      "progress_reports.task_id",
      "progress_reports.period_key",
      "tasks.plan_id",
      "plans.tracked_from",
      "plans.imported_at",
      "tasks.lead_org_id",
      ended,
    ])
    .execute();
  return rows.map((r) => ({ ...r, lead_org_id: r.lead_org_id as number, first_at: r.first_at }));
}

/** The report that corrects this one, if any (a report has at most one correction). */
export async function findCorrection(db: Db, id: number): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("progress_reports")
    .select("id")
    .where("supersedes_id", "=", id)
    .executeTakeFirst();
}

/** Marks a report replaced by a later one (its correction): it leaves the live reports. */
export async function markSuperseded(db: Db, id: number): Promise<void> {
  await db.updateTable("progress_reports").set({ superseded: 1 }).where("id", "=", id).execute();
}

/** A pending report: waiting for the unit head's sign-off or for the monitoring department. */
export const PENDING_REPORT_STATUSES: readonly ReportStatus[] = ["awaiting_signoff", "submitted"];

/**
 * The live (not superseded) reports of a task for a period with one of these statuses: at most
 * one pending (submitted or awaiting sign-off) and one accepted (unique partial indexes,
 * migrations 0010 and 0017).
 */
export async function liveReportsFor(
  db: Db,
  taskId: number,
  periodKey: string,
  status: ReportStatus | readonly ReportStatus[],
): Promise<ReportWithNames[]> {
  return reportsQuery(db)
    .where("progress_reports.task_id", "=", taskId)
    .where("progress_reports.period_key", "=", periodKey)
    .where("progress_reports.status", "in", typeof status === "string" ? [status] : [...status])
    .where("progress_reports.superseded", "=", 0)
    .orderBy("progress_reports.id")
    .execute();
}

/**
 * The reports of a task for a period that a new report meets: the live pending report (at most
 * one) and the accepted reports, live or superseded. The one rule for the checks before a write
 * and for PostgreSQL's one-statement write.
 */
export function metByNewReport(taskId: number, periodKey: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`progress_reports.task_id = ${taskId}
    and progress_reports.period_key = ${periodKey}
    and (progress_reports.status = 'accepted'
      or (progress_reports.status in (${sql.join(PENDING_REPORT_STATUSES)})
        and progress_reports.superseded = 0))`;
}

/** What a new report of a task for a period meets (`metByNewReport`), in one read, in id order. */
export async function periodReports(
  db: Db,
  taskId: number,
  periodKey: string,
): Promise<ReportWithNames[]> {
  return reportsQuery(db)
    .where(metByNewReport(taskId, periodKey))
    .orderBy("progress_reports.id")
    .modifyEnd(prepared)
    .execute();
}

/** A task's accepted reports for a period, live or superseded. */
export async function acceptedReportsFor(
  db: Db,
  taskId: number,
  periodKey: string,
): Promise<{ id: number; supersedes_id: number | null }[]> {
  return db
    .selectFrom("progress_reports")
    .select(["id", "supersedes_id"])
    .where("task_id", "=", taskId)
    .where("period_key", "=", periodKey)
    .where("status", "=", "accepted")
    .execute();
}

/** The ids of the reports this one corrects, directly or through earlier corrections. */
export async function correctedChain(db: Db, report: { supersedes_id: number | null }) {
  const chain: number[] = [];
  for (let id = report.supersedes_id; id !== null && !chain.includes(id);) {
    chain.push(id);
    const row = await db
      .selectFrom("progress_reports")
      .select("supersedes_id")
      .where("id", "=", id)
      .executeTakeFirst();
    id = row?.supersedes_id ?? null;
  }
  return chain;
}

/** The report a user already sent with this form token (a form sent twice is one report). */
export async function findByClientToken(
  db: Db,
  userId: number,
  token: string,
): Promise<ReportWithNames | undefined> {
  return reportsQuery(db)
    .where("progress_reports.submitted_by", "=", userId)
    .where("progress_reports.client_token", "=", token)
    .executeTakeFirst();
}

/** The reports sent for these tasks in these periods (any status), oldest first. */
export async function reportsInPeriods(
  db: Db,
  taskIds: readonly number[],
  periodKeys: readonly string[],
): Promise<Pick<ProgressReport, "id" | "task_id" | "period_key" | "status" | "submitted_at">[]> {
  if (!taskIds.length || !periodKeys.length) return [];
  return db
    .selectFrom("progress_reports")
    .select(["id", "task_id", "period_key", "status", "submitted_at"])
    .where("task_id", "in", [...taskIds])
    .where("period_key", "in", [...periodKeys])
    .orderBy("submitted_at")
    .orderBy("id")
    .execute();
}
