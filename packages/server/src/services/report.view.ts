import { formatPeriodKey } from "@giamsat/core";
import { listEvidence, listReviews, type EvidenceRow, type ReportWithNames } from "@giamsat/db";
import type { Ctx } from "./context.js";

type ReviewWithName = Awaited<ReturnType<typeof listReviews>>[number];

export type EvidenceView = {
  id: number;
  kind: EvidenceRow["kind"];
  fileName: string | null;
  mime: string | null;
  size: number | null;
  reference: string | null;
  url: string | null;
  /** GET address of the file (files only) */
  downloadUrl: string | null;
};

export type ReviewView = {
  id: number;
  decision: "accept" | "return";
  comment: string | null;
  reviewerId: number;
  reviewerName: string | null;
  reviewedAt: string;
};

export type ReportView = {
  id: number;
  taskId: number;
  orgId: number | null;
  orgName: string | null;
  period: string;
  /** the period as people write it: "Tháng 12/2026", "Quý IV/2026" */
  periodLabel: string;
  state: ReportWithNames["state"];
  completedOn: string | null;
  progress: number | null;
  summary: string;
  difficulties: string | null;
  proposals: string | null;
  submittedBy: { id: number; name: string | null };
  submittedAt: string;
  status: ReportWithNames["status"];
  supersedesId: number | null;
  evidence: EvidenceView[];
  reviews: ReviewView[];
};

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
