import type { Kysely } from "kysely";
import type { Database, NewProgressReport, ProgressReport, ReportStatus } from "../schema.js";

type Db = Kysely<Database>;

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

/** completedOn of the latest accepted "completed" report of a task, null when none. */
export async function latestAcceptedCompletion(db: Db, taskId: number): Promise<string | null> {
  const row = await db
    .selectFrom("progress_reports")
    .select("completed_on")
    .where("task_id", "=", taskId)
    .where("status", "=", "accepted")
    .where("state", "=", "completed")
    .orderBy("submitted_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.completed_on ?? null;
}

/** Accepted reports of the tasks (period and day received), for reporting compliance. */
export async function acceptedReceipts(
  db: Db,
  taskIds: readonly number[],
): Promise<{ task_id: number; period_key: string; submitted_at: string }[]> {
  if (!taskIds.length) return [];
  return db
    .selectFrom("progress_reports")
    .select(["task_id", "period_key", "submitted_at"])
    .where("status", "=", "accepted")
    .where("task_id", "in", [...taskIds])
    .execute();
}
