import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database, NewProgressReport, ProgressReport, ReportStatus } from "../schema.js";
import { applyTaskFilter, type TaskFilter } from "./task-filter.js";

type Db = Kysely<Database>;

const IDS_PER_QUERY = 10_000;

export type ReportWithNames = ProgressReport & {
  submitted_by_name: string | null;
  org_name: string | null;
};

function reportsQuery(db: Db) {
  return db
    .selectFrom("progress_reports")
    .leftJoin("users", "users.id", "progress_reports.submitted_by")
    .leftJoin("organisations", "organisations.id", "progress_reports.org_id")
    .selectAll("progress_reports")
    .select(["users.display_name as submitted_by_name", "organisations.name as org_name"]);
}

export async function insertReport(db: Db, report: NewProgressReport): Promise<number> {
  const row = await db
    .insertInto("progress_reports")
    .values(report)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findReport(db: Db, id: number): Promise<ReportWithNames | undefined> {
  return reportsQuery(db).where("progress_reports.id", "=", id).executeTakeFirst();
}

/** A task's reports, newest first. */
export async function listTaskReports(db: Db, taskId: number): Promise<ReportWithNames[]> {
  return reportsQuery(db)
    .where("progress_reports.task_id", "=", taskId)
    .orderBy("progress_reports.submitted_at", "desc")
    .orderBy("progress_reports.id", "desc")
    .execute();
}

export type ReportFilter = {
  status?: ReportStatus;
  /** only reports on tasks one of these units leads or coordinates (null: every unit) */
  units?: readonly number[] | null;
  taskIds?: readonly number[];
  submittedBy?: number;
  /** leave out reports a later correction supersedes */
  latestOnly?: boolean;
  limit: number;
  offset: number;
};

/** Reports matching the filter, oldest first (the review queue order), with the total. */
export async function listReports(
  db: Db,
  f: ReportFilter,
): Promise<{ items: ReportWithNames[]; total: number }> {
  let q = reportsQuery(db);
  let c = db.selectFrom("progress_reports").select((eb) => eb.fn.countAll<number>().as("n"));
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
    const notSuperseded = (eb: ExpressionBuilder<Database, "progress_reports">) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("progress_reports as newer")
            .select("newer.id")
            .whereRef("newer.supersedes_id", "=", "progress_reports.id"),
        ),
      );
    q = q.where(notSuperseded);
    c = c.where(notSuperseded);
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
  const { n } = await c.executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

export async function setReportStatus(db: Db, id: number, status: ReportStatus): Promise<void> {
  await db.updateTable("progress_reports").set({ status }).where("id", "=", id).execute();
}

/** Accepted reports of the tasks (period and day received), for reporting compliance. */
export async function acceptedReceipts(
  db: Db,
  taskIds: readonly number[],
): Promise<{ task_id: number; period_key: string; submitted_at: string }[]> {
  const rows: { task_id: number; period_key: string; submitted_at: string }[] = [];
  // in slices: one bound value per id, and SQLite takes at most 32766 (PostgreSQL 65535)
  for (let i = 0; i < taskIds.length; i += IDS_PER_QUERY) {
    const slice = taskIds.slice(i, i + IDS_PER_QUERY);
    rows.push(
      ...(await db
        .selectFrom("progress_reports")
        .select(["task_id", "period_key", "submitted_at"])
        .where("status", "=", "accepted")
        .where("task_id", "in", slice)
        .execute()),
    );
  }
  return rows;
}

/** Recurring tasks matching a filter with their lead unit and plan date (report timeliness). */
export async function recurringTasks(
  db: Db,
  filter: TaskFilter,
): Promise<
  { id: number; plan_id: number; lead_org_id: number | null; plan_date: string | null }[]
> {
  return applyTaskFilter(db.selectFrom("tasks"), { ...filter, kind: "recurring" })
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select(["tasks.id", "tasks.plan_id", "tasks.lead_org_id", "plans.date as plan_date"])
    .execute();
}

/** True when a later report corrects this one. */
export async function isSuperseded(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom("progress_reports")
    .select("id")
    .where("supersedes_id", "=", id)
    .executeTakeFirst();
  return row !== undefined;
}
