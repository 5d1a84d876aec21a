import {
  checkPeriodInPlanYears,
  ConflictError,
  ForbiddenError,
  formatPeriodKey,
  NotFoundError,
  periodFromKey,
  periodOf,
  ValidationError,
} from "@giamsat/core";
import {
  findReport,
  findReportTarget,
  inTransaction,
  insertReview,
  findByClientToken,
  listEvidence,
  isUniqueViolation,
  markSuperseded,
  listReports,
  planYears,
  recordAudit,
  REPORT_COUNT_CAP,
  submissionIsOneStatement,
  writeReportSubmission,
  refreshTaskCompletion,
  reportTasks,
  taskCompletedOn,
  setReportStatus,
  type Database,
  type EvidenceRow,
  type ProgressReport,
  type ReportStatus,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import { canSeeConfidential, isUnitRole, requireRole, type Actor } from "./actor.js";
import { planCalendar } from "./calendar.service.js";
import { deliverInAppNow, queueReportReviewed } from "../notifications/events.js";
import { nowIso, nowOf, todayOf, type Ctx } from "./context.js";
import {
  checkEvidenceFile,
  releaseEvidence,
  storeEvidenceFile,
  type StoredFile,
  type UploadedEvidence,
} from "./evidence.store.js";
import type { ReportInput, ReviewInput } from "./report.schemas.js";
import { checkCorrection, checkOneLiveReport, checkSingleAccepted } from "./report.integrity.js";
import { rateRefusal } from "./report-rate.js";
import { reportSubmission } from "./report-submission.js";
import { reportView, reportViews, type QueueItem, type ReportView } from "./report.view.js";

export type { QueueItem };
import { checkTaskScope, loadTaskScope } from "./task-access.js";
import { queueSignoffRequested, submissionStatus } from "../signoff/report-signoff.service.js";

/**
 * A unit submits a progress report on a task it leads or coordinates. The report, its evidence
 * and the audit event are written in one transaction; files are stored (content-addressed)
 * before it. A correction is a new report that names the one it supersedes.
 */
/** The task, when the actor's unit may report on it now (403 / 404 / 409 otherwise). */
export async function reportableTask(ctx: Ctx, actor: Actor, taskId: number) {
  if (!isUnitRole(actor.role))
    throw new ForbiddenError("Chỉ đơn vị được giao nhiệm vụ mới gửi báo cáo.");
  const task = checkTaskScope(actor, taskId, await findReportTarget(ctx.db, taskId));
  if (task.cancelled_at || task.removed_at)
    throw new ConflictError("Nhiệm vụ đã bị huỷ hoặc đưa ra khỏi kế hoạch.");
  return task;
}

/**
 * The period had a live report when the one-statement write looked (nothing was written): the
 * form's earlier report or the period's report is then named, as a check before the write does.
 */
class PeriodTaken extends ConflictError {
  constructor() {
    super("Kỳ báo cáo này vừa có báo cáo khác của nhiệm vụ. Hãy tải lại trang và thử lại.");
  }
}

export async function submitReport(
  ctx: Ctx,
  actor: Actor,
  taskId: number,
  input: ReportInput,
  files: readonly UploadedEvidence[] = [],
): Promise<ReportView> {
  const task = await reportableTask(ctx, actor, taskId);
  if (input.state === "nothing_to_report" && task.kind !== "recurring") {
    throw new ValidationError('state: "Không phát sinh" chỉ dùng cho nhiệm vụ thường xuyên.');
  }
  if (input.state === "completed" && task.kind === "recurring") {
    throw new ValidationError(
      "state: nhiệm vụ thường xuyên không có trạng thái hoàn thành; hãy báo cáo theo kỳ.",
    );
  }
  if (input.completedOn && input.completedOn > todayOf(ctx)) {
    throw new ValidationError("completedOn: ngày hoàn thành không được sau ngày hôm nay.");
  }
  const units = new Set(actor.units ?? []);
  const unit = task.units.find((u) => units.has(u.id));
  const orgId = unit?.id ?? actor.orgId;
  const calendar = planCalendar(task.plan_id, task.calendar);
  let period = input.period
    ? periodFromKey(input.period, calendar)
    : periodOf(todayOf(ctx), calendar);
  if (input.period) {
    const years = await planYears(ctx.db, task.plan_id);
    if (years) checkPeriodInPlanYears(period.key, years);
  }
  if (input.supersedes !== undefined) {
    const previous = await findReport(ctx.db, input.supersedes);
    if (!previous || previous.task_id !== taskId) {
      throw new ValidationError(
        `supersedes: báo cáo ${input.supersedes} không thuộc nhiệm vụ này.`,
      );
    }
    if (input.period && input.period !== previous.period_key) {
      throw new ValidationError(
        `period: báo cáo sửa đổi phải cùng kỳ với báo cáo số ${previous.id} (${formatPeriodKey(previous.period_key)}).`,
      );
    }
    await checkCorrection(ctx.db, previous, orgId);
    period = periodFromKey(previous.period_key, calendar);
  }
  const status = await submissionStatus(ctx.db, actor, orgId, unit?.signoffRequired);
  // a report that corrects another or waits for the unit head writes more than its own rows
  const alone = input.supersedes === undefined && status === "submitted" && !ctx.db.isTransaction;
  // PostgreSQL writes a new report in one statement that also checks the period has no live
  // report; the form's token and the period's reports are then read only when it is refused
  const oneStatement = alone && submissionIsOneStatement(ctx.db);
  if (input.clientToken && !oneStatement) {
    const sent = await findByClientToken(ctx.db, actor.userId, input.clientToken);
    if (sent) return loadReportView(ctx, sent.id);
  }
  const kept = await keptEvidence(ctx, input);
  const mimes: string[] = [];
  for (const f of files) mimes.push(await checkEvidenceFile(f, ctx.config.uploadMaxBytes));
  if (!oneStatement) {
    try {
      await checkOneLiveReport(ctx.db, taskId, period.key, input.supersedes);
    } catch (error) {
      // the same form, sent twice at once, may have been written since the token was looked up
      const sent = input.clientToken
        ? await findByClientToken(ctx.db, actor.userId, input.clientToken)
        : undefined;
      if (sent) return loadReportView(ctx, sent.id);
      throw error;
    }
  }
  const stored: StoredFile[] = [];
  let written: number | { report: ProgressReport; evidence: EvidenceRow[] } | undefined;
  try {
    for (const [i, f] of files.entries()) stored.push(await storeEvidenceFile(ctx, f, mimes[i]!));
    const nowMs = nowOf(ctx).getTime();
    const submission = reportSubmission(
      ctx,
      actor,
      { taskId, orgId, period, status, nowMs },
      input,
      {
        stored,
        kept,
      },
    );
    const write = async (db: Kysely<Database>) => {
      const done = await writeReportSubmission(db, submission);
      if ("refused" in done) throw rateRefusal(ctx, done.refused, nowMs);
      if ("periodTaken" in done) throw new PeriodTaken();
      return done;
    };
    written = await (
      oneStatement
        ? write(ctx.db)
        : inTransaction(ctx.db, async (trx) => {
            if (input.supersedes !== undefined) await markSuperseded(trx, input.supersedes);
            const done = await write(trx);
            if (status === "awaiting_signoff" && orgId !== null)
              await queueSignoffRequested(ctx, trx, done.report.id, orgId, actor.displayName);
            return done;
          })
    ).catch(async (error: unknown) => {
      if (!isUniqueViolation(error) && !(error instanceof PeriodTaken)) throw error;
      // another request wrote first: the same form (its report is the answer) or a rival report
      const sent = input.clientToken
        ? await findByClientToken(ctx.db, actor.userId, input.clientToken)
        : undefined;
      if (sent) return sent.id;
      if (input.supersedes !== undefined) {
        const previous = await findReport(ctx.db, input.supersedes);
        if (previous) await checkCorrection(ctx.db, previous, orgId);
      }
      await checkOneLiveReport(ctx.db, taskId, period.key, input.supersedes);
      throw error;
    });
  } finally {
    // the files of a report that was not saved go (unless another report uses them)
    await releaseEvidence(ctx, stored, typeof written === "object");
  }
  if (typeof written === "number") return loadReportView(ctx, written);
  const { report, evidence } = written;
  // only a report waiting for the unit head queued a notice (its heads')
  if (report.status === "awaiting_signoff" && !ctx.db.isTransaction) await deliverInAppNow(ctx);
  // a new report has no reviews yet: its view is what was written, with the names known here
  const names = {
    submitted_by_name: actor.displayName,
    org_name: unit?.name ?? null,
    signed_off_by_name: null,
  };
  return reportView({ ...report, ...names }, evidence, []);
}

/** The evidence of the corrected report that its correction keeps (checked to belong to it). */
async function keptEvidence(ctx: Ctx, input: ReportInput) {
  if (!input.keepEvidence.length || input.supersedes === undefined) return [];
  const own = await listEvidence(ctx.db, [input.supersedes]);
  return input.keepEvidence.map((id) => {
    const item = own.find((e) => e.id === id);
    if (!item) {
      throw new ValidationError(
        `keepEvidence: minh chứng ${id} không thuộc báo cáo số ${input.supersedes}.`,
      );
    }
    return item;
  });
}

async function loadReportView(ctx: Ctx, id: number): Promise<ReportView> {
  const report = await findReport(ctx.db, id);
  if (!report) throw new NotFoundError(`Không tìm thấy báo cáo số hiệu ${id}.`);
  const [view] = await reportViews(ctx, [report]);
  return view as ReportView;
}

/** A report the actor may see (its task must be visible). */
export async function getReportFor(ctx: Ctx, actor: Actor, id: number): Promise<ReportView> {
  const report = await findReport(ctx.db, id);
  if (!report) throw new NotFoundError(`Không tìm thấy báo cáo số hiệu ${id}.`);
  await loadTaskScope(ctx, actor, report.task_id);
  return loadReportView(ctx, id);
}

/**
 * The monitoring department accepts a report or returns it with a comment. Accepting a
 * "completed" report sets the task's completion date in the same transaction; a returned
 * report moves nothing.
 */
export async function reviewReport(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: ReviewInput,
): Promise<ReportView> {
  requireRole(actor, "monitor");
  await ctx.db.transaction().execute((trx) => decideReport(ctx, trx, actor, id, input));
  await deliverInAppNow(ctx);
  return loadReportView(ctx, id);
}

/**
 * One decision on a submitted report, written in the caller's transaction (a single review, or
 * one of several reports accepted together): the review row, the report's status, the task's
 * completion, the audit entry and the unit's notification. The caller checked the role.
 */
export async function decideReport(
  ctx: Ctx,
  trx: Kysely<Database>,
  actor: Actor,
  id: number,
  input: ReviewInput,
): Promise<void> {
  const report = await findReport(trx, id);
  if (!report) throw new NotFoundError(`Không tìm thấy báo cáo số hiệu ${id}.`);
  if (report.status !== "submitted") throw new ConflictError("Báo cáo này đã được xử lý trước đó.");
  if (report.superseded)
    throw new ConflictError("Báo cáo này đã được thay thế bằng một báo cáo sửa đổi.");
  if (input.decision === "accept") await checkSingleAccepted(trx, report);
  const before = await taskCompletedOn(trx, report.task_id);
  const status: ReportStatus = input.decision === "accept" ? "accepted" : "returned";
  await insertReview(trx, {
    report_id: id,
    decision: input.decision,
    comment: input.comment || null,
    reviewer_id: actor.userId,
    reviewed_at: nowIso(ctx),
  });
  await setReportStatus(trx, id, status);
  const completedOn = await refreshTaskCompletion(trx, report.task_id);
  await recordAudit(trx, {
    actorId: actor.userId,
    action: `report.${input.decision}`,
    entity: "report",
    entityId: id,
    before: { status: report.status, taskCompletedOn: before },
    after: { status, taskCompletedOn: completedOn, comment: input.comment ?? null },
  });
  await queueReportReviewed(ctx, trx, id, input.decision, input.comment || null);
}

export type ReportListQuery = {
  status?: ReportStatus;
  task?: number;
  plan?: number;
  kind?: "time-bound" | "recurring";
  org?: number;
  period?: string;
  limit: number;
  offset: number;
};

/**
 * Reports the actor may see, oldest first (the review queue with status=submitted, the unit
 * head's sign-off list with awaiting_signoff); corrected reports are left out of those lists.
 */
export async function listReportsFor(
  ctx: Ctx,
  actor: Actor,
  q: ReportListQuery,
): Promise<{ items: QueueItem[]; total: number; totalCapped: boolean }> {
  if (q.task !== undefined) await loadTaskScope(ctx, actor, q.task);
  const { items, total, totalCapped } = await listReports(ctx.db, {
    ...(q.status ? { status: q.status } : {}),
    ...(q.task !== undefined ? { taskIds: [q.task] } : {}),
    units: actor.units,
    includeConfidential: canSeeConfidential(actor),
    latestOnly: q.status !== undefined && q.status !== "accepted",
    ...(q.plan !== undefined ? { planId: q.plan } : {}),
    ...(q.kind !== undefined ? { kind: q.kind } : {}),
    ...(q.org !== undefined ? { orgId: q.org } : {}),
    ...(q.period !== undefined ? { periodKey: q.period } : {}),
    limit: q.limit,
    offset: q.offset,
    countCap: REPORT_COUNT_CAP,
  });
  const views = await reportViews(ctx, items);
  const tasks = await reportTasks(ctx.db, [...new Set(items.map((r) => r.task_id))]);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return {
    items: views.map((v) => {
      const t = byId.get(v.taskId)!;
      return {
        ...v,
        task: {
          id: t.id,
          number: t.number,
          name: t.name,
          planId: t.plan_id,
          planNumber: t.plan_number,
          kind: t.kind,
        },
      };
    }),
    total,
    totalCapped,
  };
}
