/** What the periodic report reads beyond task lists and counts: units' latest words on tasks. */
import type { Kysely } from "kysely";
import type { Database, ProgressReport } from "../schema.js";

type Db = Kysely<Database>;

export type LatestReport = Pick<
  ProgressReport,
  | "id"
  | "task_id"
  | "period_key"
  | "state"
  | "progress"
  | "summary"
  | "difficulties"
  | "submitted_at"
  | "status"
>;

/**
 * Each task's latest live report (accepted or submitted for review, not superseded) sent before
 * `before` (exclusive, an ISO date or timestamp).
 */
export async function latestReportsOf(
  db: Db,
  taskIds: readonly number[],
  before: string,
): Promise<Map<number, LatestReport>> {
  const latest = new Map<number, LatestReport>();
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom("progress_reports")
      .select([
        "id",
        "task_id",
        "period_key",
        "state",
        "progress",
        "summary",
        "difficulties",
        "submitted_at",
        "status",
      ])
      .where("task_id", "in", taskIds.slice(i, i + 500))
      .where("superseded", "=", 0)
      .where("status", "in", ["accepted", "submitted"])
      .where("submitted_at", "<", before)
      .orderBy("submitted_at")
      .orderBy("id")
      .execute();
    for (const r of rows) latest.set(r.task_id, r);
  }
  return latest;
}

/** Each task's latest deadline extension the unit asked for (proposed or approved) before `before`. */
export async function latestExtensionsOf(
  db: Db,
  taskIds: readonly number[],
  before: string,
): Promise<Map<number, { dueDate: string | null; reason: string }>> {
  const latest = new Map<number, { dueDate: string | null; reason: string }>();
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom("change_requests")
      .select(["task_id", "payload", "reason"])
      .where("task_id", "in", taskIds.slice(i, i + 500))
      .where("kind", "=", "extend_deadline")
      .where("status", "in", ["proposed", "approved"])
      .where("proposed_at", "<", before)
      .orderBy("proposed_at")
      .orderBy("id")
      .execute();
    for (const r of rows) {
      const payload = JSON.parse(r.payload) as { dueDate?: string };
      latest.set(r.task_id, { dueDate: payload.dueDate ?? null, reason: r.reason });
    }
  }
  return latest;
}

export type ReportRemarkRow = {
  task_id: number;
  task_number: string | null;
  task_name: string;
  org_name: string | null;
  difficulties: string | null;
  proposals: string | null;
};

/**
 * Difficulties and proposals of the accepted, live reports sent in [from, before) on the given
 * tasks, oldest first.
 */
export async function acceptedRemarks(
  db: Db,
  taskIds: readonly number[],
  from: string,
  before: string,
): Promise<ReportRemarkRow[]> {
  const out: ReportRemarkRow[] = [];
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom("progress_reports")
      .innerJoin("tasks", "tasks.id", "progress_reports.task_id")
      .leftJoin("organisations", "organisations.id", "progress_reports.org_id")
      .select([
        "progress_reports.task_id",
        "tasks.number as task_number",
        "tasks.name as task_name",
        "organisations.name as org_name",
        "progress_reports.difficulties",
        "progress_reports.proposals",
      ])
      .where("progress_reports.task_id", "in", taskIds.slice(i, i + 500))
      .where("progress_reports.status", "=", "accepted")
      .where("progress_reports.superseded", "=", 0)
      .where("progress_reports.submitted_at", ">=", from)
      .where("progress_reports.submitted_at", "<", before)
      .where((eb) =>
        eb.or([
          eb("progress_reports.difficulties", "!=", ""),
          eb("progress_reports.proposals", "!=", ""),
        ]),
      )
      .orderBy("progress_reports.submitted_at")
      .orderBy("progress_reports.id")
      .execute();
    out.push(...rows);
  }
  return out;
}
