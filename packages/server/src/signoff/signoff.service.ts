/**
 * Unit-head sign-off (issue 9, point 6). In a unit whose administrator turned the setting on,
 * a report sent by the unit's staff waits for the unit head (`awaiting_signoff`): it is the
 * live report of its task and period for the integrity rules, but not in the monitoring
 * department's queue and moves no status. The head approves it (on to the review, its
 * submission time kept for timeliness) or returns it to the staff with a reason. A unit head's
 * own reports, and those of a unit with no active head, go straight to the review.
 */
import {
  ConflictError,
  ForbiddenError,
  formatPeriodKey,
  NotFoundError,
  signoffRequestedMessage,
  signoffReturnedMessage,
} from "@giamsat/core";
import {
  findReport,
  getOrganisation,
  insertReview,
  markSignedOff,
  recordAudit,
  reviewNoticeSource,
  setReportStatus,
  setSignoffRequired,
  signoffRequired,
  unitHeadIds,
  type Database,
  type ReportStatus,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import { requireRole, type Actor } from "../services/actor.js";
import { nowIso, type Ctx } from "../services/context.js";
import { getReportFor } from "../services/report.service.js";
import type { ReportView } from "../services/report.view.js";
import { deliverInAppNow, queueNotice } from "../notifications/events.js";
import type { SignoffInput } from "./signoff.schemas.js";

type Db = Kysely<Database>;

/** The status a new report starts in: waiting for the head, or straight for the review. */
export async function submissionStatus(
  db: Db,
  actor: Actor,
  orgId: number | null,
): Promise<ReportStatus> {
  if (actor.role !== "unit_staff" || orgId === null) return "submitted";
  if (!(await signoffRequired(db, orgId))) return "submitted";
  return (await unitHeadIds(db, orgId)).length ? "awaiting_signoff" : "submitted";
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
      periodLabel: formatPeriodKey(r.period_key),
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
  await queueNotice(ctx, trx, key, message, await unitHeadIds(trx, orgId));
}

/** The unit head approves a report waiting for sign-off, or returns it with the reason. */
export async function signoffReport(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: SignoffInput,
): Promise<ReportView> {
  requireRole(actor, "unit_head");
  await ctx.db.transaction().execute(async (trx) => {
    const report = await findReport(trx, id);
    if (!report) throw new NotFoundError(`Không tìm thấy báo cáo số hiệu ${id}.`);
    if (report.org_id === null || !(actor.units ?? []).includes(report.org_id))
      throw new ForbiddenError(
        `Chỉ lãnh đạo của ${report.org_name ?? "đơn vị đã gửi"} mới ký duyệt được báo cáo số ${id}.`,
      );
    if (report.status !== "awaiting_signoff" || report.superseded)
      throw new ConflictError(`Báo cáo số ${id} không ở trạng thái chờ ký duyệt.`);
    const at = nowIso();
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
          periodLabel: formatPeriodKey(r.period_key),
          reason: input.reason ?? "",
        },
        ctx.config.siteUrl,
      );
      const key = { rule: "signoff_return", item: `report:${id}`, period: r.period_key, step: "0" };
      await queueNotice(ctx, trx, key, message, [r.submitted_by]);
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `report.signoff_${input.decision}`,
      entity: "report",
      entityId: id,
      reason: input.reason ?? null,
      before: { status: report.status },
      after: { status: input.decision === "approve" ? "submitted" : "returned" },
    });
  });
  await deliverInAppNow(ctx);
  return getReportFor(ctx, actor, id);
}

/** The administrator turns a unit's sign-off on or off (audited). */
export async function setUnitSignoff(
  ctx: Ctx,
  actor: Actor,
  orgId: number,
  on: boolean,
): Promise<{ id: number; signoffRequired: boolean }> {
  requireRole(actor, "admin");
  const org = await getOrganisation(ctx.db, orgId);
  if (!org) throw new NotFoundError(`Không tìm thấy đơn vị số hiệu ${orgId}.`);
  await ctx.db.transaction().execute(async (trx) => {
    await setSignoffRequired(trx, orgId, on);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "organisation.signoff",
      entity: "organisation",
      entityId: orgId,
      before: { signoffRequired: org.signoff_required === 1 },
      after: { signoffRequired: on },
    });
  });
  return { id: orgId, signoffRequired: on };
}
