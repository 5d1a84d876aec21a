/**
 * A new report's write: its count against the submitter's limit, its row, its evidence, its
 * audit event and the end of the submitter's draft of the task. On PostgreSQL one statement (a
 * data-modifying WITH that counts and inserts only when the count is under the limit and, for a
 * report that corrects none, the period has no live report — pending, or accepted: one round
 * trip instead of seven, and no transaction needed around it); on SQLite five statements in the
 * caller's transaction (in-process, where a round trip costs no network), after its checks.
 */
import { sql, type Insertable, type Kysely } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import { prepared } from "../pg-prepared-statements.js";
import type {
  Database,
  EvidenceRow,
  EvidenceTable,
  NewProgressReport,
  ProgressReport,
} from "../schema.js";
import {
  countReportSent,
  reportRateCount,
  type ReportRate,
  type ReportRateCount,
} from "../shared-state/report-rate.repository.js";
import { auditRow, recordAudit, type AuditInput } from "./audit.repository.js";
import { metByNewReport } from "./report.repository.js";
import { insertEvidence } from "./evidence.repository.js";
import { deleteReportDraft } from "./report-draft.repository.js";

type Db = Kysely<Database>;

export type NewReportEvidence = Omit<Insertable<EvidenceTable>, "report_id">;

export type ReportSubmission = {
  report: NewProgressReport & { submitted_by: number };
  evidence: readonly NewReportEvidence[];
  /** the audit event of the submission (its entity: the new report) */
  audit: Omit<AuditInput, "entity" | "entityId">;
  rate: ReportRate;
};

/**
 * Written, or refused because the submitter's window is full, or (PostgreSQL) because the period
 * already has a live report: nothing written nor counted then.
 */
export type SubmissionWrite =
  | { report: ProgressReport; evidence: EvidenceRow[] }
  | { refused: ReportRateCount }
  | { periodTaken: true };

/** Whether the write is one statement (else the caller runs it in a transaction). */
export const submissionIsOneStatement = (db: Db): boolean => dialectOf(db) === "postgres";

export async function writeReportSubmission(
  db: Db,
  input: ReportSubmission,
): Promise<SubmissionWrite> {
  return submissionIsOneStatement(db) ? writeInOneStatement(db, input) : writeInSteps(db, input);
}

async function writeInSteps(db: Db, input: ReportSubmission): Promise<SubmissionWrite> {
  const { report, rate } = input;
  const counted = await countReportSent(db, report.submitted_by, rate).executeTakeFirst();
  if (!counted) return { refused: await currentCount(db, report.submitted_by, rate) };
  const stored = await db
    .insertInto("progress_reports")
    .values(report)
    .returningAll()
    .executeTakeFirstOrThrow();
  const evidence = await insertEvidence(
    db,
    input.evidence.map((e) => ({ ...e, report_id: stored.id })),
  );
  await recordAudit(db, { ...input.audit, entity: "report", entityId: stored.id });
  await deleteReportDraft(db, report.submitted_by, report.task_id);
  return { report: stored, evidence };
}

/** the report's columns are null when it was refused (nothing counted: nothing inserted) */
type OneStatementRow = ProgressReport & { evidence: EvidenceRow[] | null; period_taken: boolean };

async function writeInOneStatement(db: Db, input: ReportSubmission): Promise<SubmissionWrite> {
  const { report, rate } = input;
  const columns = Object.keys(report) as (keyof typeof report)[];
  const audit = auditRow({ ...input.audit, entity: "report", entityId: null });
  const evidence = input.evidence.map((e) => ({
    kind: e.kind,
    file_name: e.file_name ?? null,
    mime: e.mime ?? null,
    size: e.size ?? null,
    storage_path: e.storage_path ?? null,
    sha256: e.sha256 ?? null,
    reference: e.reference ?? null,
    url: e.url ?? null,
  }));
  const { rows } = await sql<OneStatementRow>`
    with g as (${report.supersedes_id == null ? liveReportOfPeriod(report) : sql`select false as taken`}),
    c as (${countReportSent(db, report.submitted_by, rate, sql<boolean>`not (select taken from g)`)}),
    r as (
      insert into progress_reports (${sql.join(columns.map((c) => sql.ref(c)))})
      select ${sql.join(columns.map((c) => sql`${report[c]}`))} from c
      returning *),
    e as (
      insert into evidence (report_id, kind, file_name, mime, size, storage_path, sha256, reference, url)
      select r.id, v.kind, v.file_name, v.mime, v.size, v.storage_path, v.sha256, v.reference, v.url
      from r cross join jsonb_to_recordset(cast(${JSON.stringify(evidence)} as jsonb)) as v(
        kind text, file_name text, mime text, size integer, storage_path text, sha256 text,
        reference text, url text)
      returning *),
    a as (
      insert into audit_events (actor_id, action, entity, entity_id, before, after, reason)
      select ${audit.actor_id}, ${audit.action}, ${audit.entity}, cast(r.id as text),
        ${audit.before}, ${audit.after}, ${audit.reason} from r
      returning id),
    d as (
      delete from report_drafts
      where user_id = ${report.submitted_by} and task_id = ${report.task_id}
        and exists (select 1 from r)
      returning id)
    select r.*, (select json_agg(e order by e.id) from e) as evidence,
      (select taken from g) as period_taken
    from (select 1) one left join r on true${prepared}`.execute(db);
  const row = rows[0]!;
  const { evidence: written, period_taken: periodTaken, ...stored } = row;
  if (periodTaken) return { periodTaken: true };
  if (stored.id === null) return { refused: await currentCount(db, report.submitted_by, rate) };
  return { report: stored, evidence: written ?? [] };
}

/** Whether the period has a report a new one meets (pending, or accepted): refused then. */
function liveReportOfPeriod(report: ReportSubmission["report"]) {
  return sql`select exists (
    select 1 from progress_reports where ${metByNewReport(report.task_id, report.period_key)}
  ) as taken`;
}

async function currentCount(db: Db, userId: number, rate: ReportRate): Promise<ReportRateCount> {
  return (
    (await reportRateCount(db, userId, rate.nowMs, rate.windowMs)) ?? {
      sent: rate.max,
      sinceMs: rate.nowMs,
    }
  );
}
