import type { Period } from "@giamsat/core";
import type { EvidenceRow, ReportStatus, ReportSubmission } from "@giamsat/db";
import type { Actor } from "./actor.js";
import type { Ctx } from "./context.js";
import type { StoredFile } from "./evidence.store.js";
import type { ReportInput } from "./report.schemas.js";

/** Where a new report goes: its task, unit, period and first status, and when it is sent. */
export type SubmissionTarget = {
  taskId: number;
  orgId: number | null;
  period: Pick<Period, "key">;
  status: ReportStatus;
  nowMs: number;
};

/**
 * What a submission writes: the report's row from the form, its evidence (files just stored,
 * evidence kept from the report it corrects, references and links), its audit event and the
 * submitter's limit.
 */
export function reportSubmission(
  ctx: Ctx,
  actor: Actor,
  target: SubmissionTarget,
  input: ReportInput,
  files: { stored: readonly StoredFile[]; kept: readonly EvidenceRow[] },
): ReportSubmission {
  const { taskId, orgId, period, status, nowMs } = target;
  return {
    report: {
      task_id: taskId,
      org_id: orgId,
      period_key: period.key,
      state: input.state,
      completed_on: input.completedOn ?? null,
      progress: input.state === "completed" ? 100 : (input.progress ?? null),
      summary: input.summary || "Không phát sinh",
      difficulties: input.difficulties || null,
      proposals: input.proposals || null,
      submitted_by: actor.userId,
      submitted_at: new Date(nowMs).toISOString(),
      status,
      supersedes_id: input.supersedes ?? null,
      client_token: input.clientToken ?? null,
    },
    evidence: [
      ...files.stored.map((s) => ({
        kind: "file" as const,
        file_name: s.fileName,
        mime: s.mime,
        size: s.size,
        storage_path: s.storagePath,
        sha256: s.sha256,
      })),
      ...files.kept.map((e) => ({
        kind: e.kind,
        file_name: e.file_name,
        mime: e.mime,
        size: e.size,
        storage_path: e.storage_path,
        sha256: e.sha256,
        reference: e.reference,
        url: e.url,
      })),
      ...input.evidence.map((e) => ({
        kind: e.kind,
        reference: e.reference ?? null,
        url: e.kind === "link" ? e.url : null,
      })),
    ],
    audit: {
      actorId: actor.userId,
      action: "report.submit",
      after: {
        taskId,
        period: period.key,
        state: input.state,
        completedOn: input.completedOn ?? null,
        files: files.stored.length,
        keptFiles: files.kept.length,
        status,
      },
    },
    rate: { ...ctx.config.reportRate, nowMs },
  };
}
