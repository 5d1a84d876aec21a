/** What the periodic report reads beyond task lists and counts: units' latest words on tasks. */
import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, ProgressReport } from "../schema.js";
import type { PeriodicReportDraftsTable, PeriodicReportsTable } from "./periodic-report.schema.js";

type Db = Kysely<Database>;

const LATEST_COLUMNS = [
  "id",
  "task_id",
  "period_key",
  "state",
  "progress",
  "summary",
  "difficulties",
  "submitted_at",
  "status",
] as const satisfies readonly (keyof ProgressReport)[];

export type LatestReport = Pick<ProgressReport, (typeof LATEST_COLUMNS)[number]>;

/** Rows read for a long id list 500 ids at a time (the drivers' parameter limits), in order. */
async function byChunks<T>(
  ids: readonly number[],
  read: (chunk: number[]) => Promise<T[]>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await read(ids.slice(i, i + 500))));
  return rows;
}

/**
 * Each task's latest live report (not superseded; accepted or submitted for review, or only
 * accepted when `acceptedOnly`) sent before `before` (exclusive, an ISO date or timestamp).
 */
export async function latestReportsOf(
  db: Db,
  taskIds: readonly number[],
  before: string,
  acceptedOnly = false,
): Promise<Map<number, LatestReport>> {
  // only each task's latest row leaves the database (a task has a report a month: reading them
  // all made the national annex parse 4–5 rows of text per task)
  const rows = await byChunks(taskIds, (ids) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom("progress_reports")
          .select([
            ...LATEST_COLUMNS,
            sql<number>`row_number() over (partition by task_id order by submitted_at desc, id desc)`.as(
              "newest",
            ),
          ])
          .where("task_id", "in", ids)
          .where("superseded", "=", 0)
          .where("status", "in", acceptedOnly ? ["accepted"] : ["accepted", "submitted"])
          .where("submitted_at", "<", before)
          .as("r"),
      )
      .select(LATEST_COLUMNS)
      .where("newest", "=", 1)
      .execute(),
  );
  return new Map(rows.map((r) => [r.task_id, r]));
}

/** Each task's latest deadline extension the unit asked for (proposed or approved) before `before`. */
export async function latestExtensionsOf(
  db: Db,
  taskIds: readonly number[],
  before: string,
): Promise<Map<number, { dueDate: string | null; reason: string }>> {
  const rows = await byChunks(taskIds, (ids) =>
    db
      .selectFrom("change_requests")
      .select(["task_id", "payload", "reason"])
      .where("task_id", "in", ids)
      .where("kind", "=", "extend_deadline")
      .where("status", "in", ["proposed", "approved"])
      .where("proposed_at", "<", before)
      .orderBy("proposed_at")
      .orderBy("id")
      .execute(),
  );
  return new Map(
    rows.map((r) => {
      const payload = JSON.parse(r.payload) as { dueDate?: string };
      return [r.task_id, { dueDate: payload.dueDate ?? null, reason: r.reason }];
    }),
  );
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
  return byChunks(taskIds, (ids) =>
    db
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
      .where("progress_reports.task_id", "in", ids)
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
      .execute(),
  );
}

export type KeptReportRow = Omit<Selectable<PeriodicReportsTable>, "content" | "complete"> & {
  generated_by_name: string | null;
  plan_number: string | null;
  unit_name: string | null;
};

/** Kept reports, newest first, optionally of one plan. */
export async function listKeptReports(
  db: Db,
  f: { planId?: number; limit: number; offset: number },
): Promise<{ items: KeptReportRow[]; total: number }> {
  let q = db
    .selectFrom("periodic_reports as r")
    .leftJoin("users as u", "u.id", "r.generated_by")
    .leftJoin("plans as p", "p.id", "r.plan_id")
    .leftJoin("organisations as o", "o.id", "r.unit_id")
    .select([
      "r.id",
      "r.generated_by",
      "r.generated_at",
      "r.plan_id",
      "r.unit_id",
      "r.as_of",
      "r.period",
      "r.format",
      "r.file_name",
      "r.mime",
      "r.size",
      "u.display_name as generated_by_name",
      "p.number as plan_number",
      "o.name as unit_name",
    ])
    .where("r.complete", "=", 1);
  let c = db
    .selectFrom("periodic_reports as r")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("r.complete", "=", 1);
  if (f.planId !== undefined) {
    q = q.where("r.plan_id", "=", f.planId);
    c = c.where("r.plan_id", "=", f.planId);
  }
  const items = await q
    .orderBy("r.generated_at", "desc")
    .orderBy("r.id", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const { n } = await c.executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

/** A kept report whose file was written whole. */
export async function findKeptReport(
  db: Db,
  id: number,
): Promise<Pick<Selectable<PeriodicReportsTable>, "file_name" | "mime" | "size"> | undefined> {
  return db
    .selectFrom("periodic_reports")
    .select(["file_name", "mime", "size"])
    .where("id", "=", id)
    .where("complete", "=", 1)
    .executeTakeFirst();
}

export async function findPeriodicDraft(
  db: Db,
  scopeKey: string,
): Promise<Selectable<PeriodicReportDraftsTable> | undefined> {
  return db
    .selectFrom("periodic_report_drafts")
    .selectAll()
    .where("scope_key", "=", scopeKey)
    .executeTakeFirst();
}

/** Saves the draft of a scope (insert or replace). */
export async function savePeriodicDraft(
  db: Db,
  row: { scope_key: string; data: string; updated_by: number | null; updated_at: string },
): Promise<void> {
  await db
    .insertInto("periodic_report_drafts")
    .values(row)
    .onConflict((oc) =>
      oc.column("scope_key").doUpdateSet({
        data: row.data,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
