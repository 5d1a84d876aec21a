import { formatPeriodKey } from "@giamsat/core";
import { listEvidence, listReviews, type EvidenceRow, type ReportWithNames } from "@giamsat/db";
import { z } from "zod";
import type { Ctx } from "./context.js";

/** A report's statuses: waiting for the unit head, waiting for review, accepted, returned. */
export const REPORT_STATUSES = ["awaiting_signoff", "submitted", "accepted", "returned"] as const;

type ReviewWithName = Awaited<ReturnType<typeof listReviews>>[number];

export const evidenceSchema = z.object({
  id: z.number(),
  kind: z.enum(["file", "document", "link"]),
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  size: z.number().nullable(),
  reference: z.string().nullable(),
  url: z.string().nullable(),
  /** GET address of the file (files only) */
  downloadUrl: z.string().nullable(),
});
export type EvidenceView = z.output<typeof evidenceSchema>;

export const reviewSchema = z.object({
  id: z.number(),
  decision: z.enum(["accept", "return"]),
  comment: z.string().nullable(),
  reviewerId: z.number(),
  reviewerName: z.string().nullable(),
  reviewedAt: z.string(),
});
export type ReviewView = z.output<typeof reviewSchema>;

/** A progress report with its evidence and reviews: the response schema and its type. */
export const reportSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  period: z.string(),
  /** the period as people write it: "Tháng 12/2026", "Quý IV/2026" */
  periodLabel: z.string(),
  state: z.enum(["not_started", "in_progress", "completed", "nothing_to_report"]),
  completedOn: z.string().nullable(),
  progress: z.number().nullable(),
  summary: z.string(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  submittedBy: z.object({ id: z.number(), name: z.string().nullable() }),
  submittedAt: z.string(),
  status: z.enum(REPORT_STATUSES),
  /** the unit head's approval, for a unit whose reports wait for it */
  signedOff: z
    .object({ by: z.object({ id: z.number(), name: z.string().nullable() }), at: z.string() })
    .nullable(),
  supersedesId: z.number().nullable(),
  evidence: z.array(evidenceSchema),
  reviews: z.array(reviewSchema),
});
export type ReportView = z.output<typeof reportSchema>;

/** A report in the review queue, with its task. */
export const queueItemSchema = reportSchema.extend({
  task: z.object({
    id: z.number(),
    number: z.string().nullable(),
    name: z.string(),
    planId: z.number(),
    planNumber: z.string().nullable(),
    kind: z.enum(["time-bound", "recurring"]),
  }),
});
export type QueueItem = z.output<typeof queueItemSchema>;

export function evidenceView(e: EvidenceRow): EvidenceView {
  return {
    id: e.id,
    kind: e.kind,
    fileName: e.file_name,
    mime: e.mime,
    size: e.size,
    reference: e.reference,
    url: e.url,
    downloadUrl: e.kind === "file" ? `/api/evidence/${e.id}` : null,
  };
}

/** Reports with their evidence and reviews, in the order given. */
export async function reportViews(
  ctx: Ctx,
  reports: readonly ReportWithNames[],
): Promise<ReportView[]> {
  const ids = reports.map((r) => r.id);
  const [evidence, reviews] = await Promise.all([
    listEvidence(ctx.db, ids),
    listReviews(ctx.db, ids),
  ]);
  return reports.map((r) =>
    reportView(
      r,
      evidence.filter((e) => e.report_id === r.id),
      reviews.filter((v) => v.report_id === r.id),
    ),
  );
}

/** One report with its own evidence and reviews. */
export function reportView(
  r: ReportWithNames,
  evidence: readonly EvidenceRow[],
  reviews: readonly ReviewWithName[],
): ReportView {
  return {
    id: r.id,
    taskId: r.task_id,
    orgId: r.org_id,
    orgName: r.org_name,
    period: r.period_key,
    periodLabel: formatPeriodKey(r.period_key),
    state: r.state,
    completedOn: r.completed_on,
    progress: r.progress,
    summary: r.summary,
    difficulties: r.difficulties,
    proposals: r.proposals,
    submittedBy: { id: r.submitted_by, name: r.submitted_by_name },
    submittedAt: r.submitted_at,
    status: r.status,
    signedOff:
      r.signed_off_by !== null && r.signed_off_at !== null
        ? { by: { id: r.signed_off_by, name: r.signed_off_by_name }, at: r.signed_off_at }
        : null,
    supersedesId: r.supersedes_id,
    evidence: evidence.map(evidenceView),
    reviews: reviews.map((v) => ({
      id: v.id,
      decision: v.decision,
      comment: v.comment,
      reviewerId: v.reviewer_id,
      reviewerName: v.reviewer_name,
      reviewedAt: v.reviewed_at,
    })),
  };
}
