/**
 * Unit-head sign-off of progress reports: a waiting report is the live report
 * of its task and period for the integrity rules, but not in the monitoring department's queue
 * and moves no status. Approved, it goes on to the review with its submission time kept for
 * timeliness; returned, it is a returned report (the staff member resends it, seeing the reason).
 */
import {
  ConflictError,
  formatPeriodKey,
  NotFoundError,
  signoffRequestedMessage,
  signoffReturnedMessage,
} from "@giamsat/core";
import {
  findReport,
  insertReview,
  markSignedOff,
  reviewNoticeSource,
  setReportStatus,
  type Database,
  type ReportStatus,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Actor } from "../services/actor.js";
import { nowIso, type Ctx } from "../services/context.js";
import { getReportFor } from "../services/report.service.js";
import type { ReportView } from "../services/report.view.js";
import { queueNotice } from "../notifications/events.js";
import type { SignoffInput } from "./signoff.schemas.js";
import {
  auditSignoff,
  decideAsHead,
  needsSignoff,
  queueHeadsNotice,
  requireHeadOf,
} from "./signoff.service.js";

type Db = Kysely<Database>;

/** The status a new report starts in: waiting for the head, or straight for the review. */
export async function submissionStatus(
  db: Db,
  actor: Actor,
  orgId: number | null,
  required?: boolean,
): Promise<ReportStatus> {
  return (await needsSignoff(db, actor, orgId, required)) ? "awaiting_signoff" : "submitted";
}

/** A staff report waits: the unit's heads are told (in the report's own transaction). */
export async function queueSignoffRequested(
  ctx: Ctx,
  trx: Db,
  reportId: number,
  orgId: number,
  staffName: string,
): Promise<void> {
  const r = await reviewNoticeSource(trx, reportId);
  const message = signoffRequestedMessage(
    {
      task: { id: r.id, number: r.number, name: r.name },
      subject: { item: "report", periodLabel: formatPeriodKey(r.period_key) },
      staffName,
    },
    ctx.config.siteUrl,
  );
  const key = {
    rule: "signoff_requested",
    item: `report:${reportId}`,
    period: r.period_key,
    step: "0",
  };
  await queueHeadsNotice(ctx, trx, orgId, key, message);
}

/** The head's decision on one report, inside the caller's transaction (role checked by it). */
export async function signReportIn(
  ctx: Ctx,
  trx: Db,
  actor: Actor,
  id: number,
  input: SignoffInput,
): Promise<void> {
  const report = await findReport(trx, id);
  if (!report) throw new NotFoundError(`Không tìm thấy báo cáo số hiệu ${id}.`);
  requireHeadOf(actor, report.org_id, report.org_name, `báo cáo số ${id}`);
  if (report.status !== "awaiting_signoff" || report.superseded)
    throw new ConflictError(`Báo cáo số ${id} không ở trạng thái chờ ký duyệt.`);
  const at = nowIso(ctx);
  if (input.decision === "approve") {
    await markSignedOff(trx, id, actor.userId, at);
  } else {
    await insertReview(trx, {
      report_id: id,
      decision: "return",
      comment: input.reason ?? null,
      reviewer_id: actor.userId,
      reviewed_at: at,
    });
    await setReportStatus(trx, id, "returned");
    const r = await reviewNoticeSource(trx, id);
    const message = signoffReturnedMessage(
      {
        task: { id: r.id, number: r.number, name: r.name },
        subject: { item: "report", periodLabel: formatPeriodKey(r.period_key) },
        reason: input.reason ?? "",
      },
      ctx.config.siteUrl,
    );
    const key = { rule: "signoff_return", item: `report:${id}`, period: r.period_key, step: "0" };
    await queueNotice(ctx, trx, key, message, [r.submitted_by]);
  }
  const to = input.decision === "approve" ? "submitted" : "returned";
  await auditSignoff(trx, actor, { entity: "report", id, from: report.status, to }, input);
}

/** The unit head approves a report waiting for sign-off, or returns it with the reason. */
export async function signoffReport(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: SignoffInput,
): Promise<ReportView> {
  return decideAsHead(
    ctx,
    actor,
    (trx) => signReportIn(ctx, trx, actor, id, input),
    () => getReportFor(ctx, actor, id),
  );
}
