/**
 * A reviewer takes back a decision a short while after making it: a stray
 * click or key must not stand. The report is pending again, the task's completion date is
 * recomputed, and the audit keeps the decision that was undone.
 */
import { ConflictError, ForbiddenError, NotFoundError } from "@giamsat/core";
import {
  deleteReview,
  findReport,
  latestReview,
  liveReportsFor,
  PENDING_REPORT_STATUSES,
  recordAudit,
  refreshTaskCompletion,
  setReportStatus,
  taskCompletedOn,
} from "@giamsat/db";
import { requireRole, type Actor } from "./actor.js";
import type { Ctx } from "./context.js";

/** How long a decision can be undone, in minutes. */
export const UNDO_MINUTES = 10;

export async function undoReview(
  ctx: Ctx,
  actor: Actor,
  reportId: number,
  now = new Date(),
): Promise<void> {
  requireRole(actor, "monitor");
  await ctx.db.transaction().execute(async (trx) => {
    const report = await findReport(trx, reportId);
    if (!report) throw new NotFoundError(`Không tìm thấy báo cáo số hiệu ${reportId}.`);
    const review = await latestReview(trx, reportId);
    if (!review || report.status === "submitted")
      throw new ConflictError(
        `Báo cáo số ${reportId} chưa được thẩm định nên không có gì để hoàn tác.`,
      );
    if (review.reviewer_id !== actor.userId)
      throw new ForbiddenError("Chỉ người đã thẩm định mới hoàn tác được quyết định của mình.");
    if (now.getTime() - Date.parse(review.reviewed_at) > UNDO_MINUTES * 60_000) {
      throw new ConflictError(
        `Quá ${UNDO_MINUTES} phút kể từ khi thẩm định nên không thể hoàn tác; hãy liên hệ đơn vị để gửi báo cáo sửa đổi.`,
      );
    }
    if (report.superseded)
      throw new ConflictError(
        `Không thể hoàn tác: đơn vị đã gửi báo cáo sửa đổi báo cáo số ${reportId}.`,
      );
    const [pending] = await liveReportsFor(
      trx,
      report.task_id,
      report.period_key,
      PENDING_REPORT_STATUSES,
    );
    if (pending)
      throw new ConflictError(
        `Không thể hoàn tác: đơn vị đã gửi báo cáo số ${pending.id} cho cùng kỳ, đang chờ duyệt.`,
      );
    const before = await taskCompletedOn(trx, report.task_id);
    await deleteReview(trx, review.id);
    await setReportStatus(trx, reportId, "submitted");
    const completedOn = await refreshTaskCompletion(trx, report.task_id);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "report.review_undo",
      entity: "report",
      entityId: reportId,
      before: {
        status: report.status,
        decision: review.decision,
        comment: review.comment,
        reviewedAt: review.reviewed_at,
        taskCompletedOn: before,
      },
      after: { status: "submitted", taskCompletedOn: completedOn },
    });
  });
}
