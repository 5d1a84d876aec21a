/**
 * A new report's write: its row, its audit event, the end of the submitter's draft of the task
 * and its count against the submitter's limit — one statement on PostgreSQL (a data-modifying
 * WITH: one round trip instead of four), four on SQLite (in-process, where a round trip costs no
 * network). Call inside the transaction that still refuses the report when over the limit.
 */
import { sql, type Kysely } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import type { Database, NewProgressReport, ProgressReport } from "../schema.js";
import { countReportSent, type ReportRateCount } from "../shared-state/report-rate.repository.js";
import { auditRow, recordAudit, type AuditInput } from "./audit.repository.js";
import { deleteReportDraft } from "./report-draft.repository.js";

type Db = Kysely<Database>;

export type ReportSubmission = {
  report: NewProgressReport & { submitted_by: number };
  /** the audit event of the submission (its entity: the new report) */
  audit: Omit<AuditInput, "entity" | "entityId">;
  /** the submitter's limit's window, and now (epoch ms) */
  rate: { nowMs: number; windowMs: number };
};

export async function writeReportSubmission(
  db: Db,
  input: ReportSubmission,
): Promise<{ report: ProgressReport; rate: ReportRateCount }> {
  const { report, audit, rate } = input;
  const counted = countReportSent(db, report.submitted_by, rate.nowMs, rate.windowMs);
  if (dialectOf(db) === "postgres") {
    const row = await db
      .with("r", (qc) => qc.insertInto("progress_reports").values(report).returningAll())
      .with("a", (qc) =>
        qc
          .insertInto("audit_events")
          .values({
            ...auditRow({ ...audit, entity: "report", entityId: null }),
            entity_id: sql<string>`(SELECT CAST(id AS text) FROM r)`,
          })
          .returning("id"),
      )
      .with("d", (qc) =>
        qc
          .deleteFrom("report_drafts")
          .where("user_id", "=", report.submitted_by)
          .where("task_id", "=", report.task_id)
          .returning("id"),
      )
      .with("c", () => counted)
      .selectFrom("r")
      .innerJoin("c", (join) => join.onTrue())
      .selectAll("r")
      .select(["c.sent", "c.since_ms"])
      .executeTakeFirstOrThrow();
    const { sent, since_ms, ...stored } = row;
    return { report: stored, rate: { sent: Number(sent), sinceMs: Number(since_ms) } };
  }
  const stored = await db
    .insertInto("progress_reports")
    .values(report)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, { ...audit, entity: "report", entityId: stored.id });
  await deleteReportDraft(db, report.submitted_by, report.task_id);
  const count = await counted.executeTakeFirstOrThrow();
  return { report: stored, rate: { sent: Number(count.sent), sinceMs: Number(count.since_ms) } };
}
