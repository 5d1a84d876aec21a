import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { answerDaysOf } from "./feedback-deadlines.service.js";
import {
  addWorkingDays,
  canMoveFeedback,
  ConflictError,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_STATUS_LABELS,
  isFeedbackOverdue,
  feedbackCode,
  feedbackContentKey,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FeedbackKind,
  type FeedbackStatus,
} from "@giamsat/core";
import {
  feedbackByCode,
  feedbackByContentKey,
  feedbackById,
  feedbackFieldById,
  feedbackFiles,
  feedbackMergedInto,
  getOrganisation,
  insertFeedback,
  insertFeedbackFiles,
  isPublicTask,
  listFeedback,
  listHolidays,
  recordAudit,
  searchPublicTasks,
  updateFeedback,
  type Feedback,
  type FeedbackRow,
} from "@giamsat/db";
import type { z } from "zod";
import type { UploadedFile } from "../http/multipart.js";
import { inScope, isUnitRole, requireRole, type Actor } from "../services/actor.js";
import { nowIso, todayOf, type Ctx } from "../services/context.js";
import type {
  answerInput,
  decisionInput,
  feedbackInput,
  feedbackQuery,
  mergeInput,
  ratingInput,
  rejectInput,
  routeInput,
} from "./feedback.schemas.js";
import { openFeedbackFile, withFeedbackFiles } from "./feedback-files.service.js";
import { queueSenderMail } from "./feedback-mail.js";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function unitName(ctx: Ctx, id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await getOrganisation(ctx.db, id))?.name ?? null;
}

/**
 * The public view: never the contact, the internal note, or the name unless chosen. A merged
 * duplicate shows the unit, deadline and published answer of the submission it joined.
 */
async function publicView(ctx: Ctx, f: Feedback) {
  const status = f.status as FeedbackStatus;
  const kind = f.kind as FeedbackKind;
  const primary = f.merged_into_id === null ? f : await feedbackById(ctx.db, f.merged_into_id);
  const handled = primary ?? f;
  const field = f.field_id === null ? undefined : await feedbackFieldById(ctx.db, f.field_id);
  return {
    code: f.code,
    kind,
    kindLabel: FEEDBACK_KIND_LABELS[kind],
    title: f.title,
    content: f.content,
    senderName: f.publish_name ? f.sender_name : null,
    field: field?.name ?? null,
    status,
    statusLabel: FEEDBACK_STATUS_LABELS[status],
    mergedInto: handled === f ? null : handled.code,
    unit: await unitName(ctx, handled.unit_id),
    deadline: handled.deadline,
    answer: handled.status === "published" ? handled.answer : null,
    rejectReason: f.reject_reason,
    rating: f.rating,
    receivedAt: f.created_at,
  };
}

/** The task a submission is about, as handlers see it (hidden from units when confidential). */
function taskOf(actor: Actor, f: FeedbackRow) {
  if (f.task_id === null || f.task_name === null) return null;
  if (f.task_confidential && isUnitRole(actor.role)) return null;
  const number = f.task_number ? `Nhiệm vụ ${f.task_number}: ` : "";
  return {
    id: f.task_id,
    label: `${f.plan_number ? `${f.plan_number} – ` : ""}${number}${f.task_name}`,
  };
}

async function staffView(ctx: Ctx, actor: Actor, f: FeedbackRow, today: string) {
  return {
    ...(await publicView(ctx, f)),
    id: f.id,
    unitId: f.unit_id,
    senderName: f.sender_name,
    senderOrganisation: f.sender_org,
    senderEmail: f.sender_email,
    senderPhone: f.sender_phone,
    answer: f.answer,
    internalNote: f.internal_note,
    ratingComment: f.rating_comment,
    task: taskOf(actor, f),
    suggestedUnitId: f.task_lead_org_id ?? f.field_unit_id,
    overdue: isFeedbackOverdue(f.status as FeedbackStatus, f.deadline, today),
    attachments: (await feedbackFiles(ctx.db, f.id)).map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mime: a.mime,
      size: a.size,
    })),
  };
}

/** One submission in the handling view (with its task), as `actor` may see it. */
async function staffItem(ctx: Ctx, actor: Actor, id: number) {
  const [row] = await listFeedback(ctx.db, { units: null, id });
  if (!row) throw new NotFoundError(`Không tìm thấy góp ý số ${id}.`);
  return staffView(ctx, actor, row, todayOf(ctx));
}

/**
 * A visitor's submission, with its attachments (checked like evidence): 201 {code, secret};
 * identical content already open → 409.
 */
export async function submitFeedback(
  ctx: Ctx,
  input: z.infer<typeof feedbackInput>,
  files: readonly UploadedFile[] = [],
) {
  const key = feedbackContentKey(input.title, input.content);
  const same = await feedbackByContentKey(ctx.db, key);
  if (same)
    throw new ConflictError(
      `Nội dung này đã được gửi trước đó (mã theo dõi ${same.code}); vui lòng theo dõi góp ý đã gửi.`,
    );
  if (input.taskId !== undefined && !(await isPublicTask(ctx.db, input.taskId)))
    throw new ValidationError("Không tìm thấy nhiệm vụ đã chọn.");
  if (input.fieldId !== undefined) {
    const field = await feedbackFieldById(ctx.db, input.fieldId);
    if (!field || !field.active) throw new ValidationError("Không tìm thấy lĩnh vực đã chọn.");
  }
  const secret = randomBytes(18).toString("base64url");
  const at = nowIso(ctx);
  const row = await withFeedbackFiles(ctx, files, (attachments) =>
    ctx.db.transaction().execute(async (trx) => {
      const inserted = await insertFeedback(trx, {
        code: feedbackCode(todayOf(ctx), randomBytes(6)),
        kind: input.kind,
        title: input.title,
        content: input.content,
        content_key: key,
        task_id: input.taskId ?? null,
        field_id: input.fieldId ?? null,
        sender_name: input.name,
        sender_org: input.organisation || null,
        sender_email: input.email ?? null,
        sender_phone: input.phone ?? null,
        publish_name: input.publishName ? 1 : 0,
        consent_at: at,
        secret_hash: sha256(secret),
        created_at: at,
      });
      await insertFeedbackFiles(trx, inserted.id, attachments);
      await queueSenderMail(ctx, trx, "received", inserted);
      return inserted;
    }),
  );
  return { code: row.code, secret };
}

async function byCode(ctx: Ctx, code: string): Promise<Feedback> {
  const f = await feedbackByCode(ctx.db, code);
  if (!f) throw new NotFoundError(`Không tìm thấy góp ý có mã ${code}.`);
  return f;
}

export async function publicFeedback(ctx: Ctx, code: string) {
  return publicView(ctx, await byCode(ctx, code));
}

/** The sender (holder of the secret given at submission) rates a published answer. */
export async function rateFeedback(ctx: Ctx, code: string, input: z.infer<typeof ratingInput>) {
  const f = await byCode(ctx, code);
  const given = Buffer.from(sha256(input.secret));
  if (!timingSafeEqual(given, Buffer.from(f.secret_hash)))
    throw new ForbiddenError(
      "Chỉ người gửi (có đường dẫn bí mật khi gửi) mới đánh giá được trả lời.",
    );
  if (f.status !== "published")
    throw new ConflictError("Góp ý chưa có trả lời được công bố để đánh giá.");
  const row = await updateFeedback(ctx.db, f.id, {
    rating: input.rating,
    rating_comment: input.comment || null,
    updated_at: nowIso(ctx),
  });
  return publicView(ctx, row);
}

async function load(ctx: Ctx, actor: Actor, id: number): Promise<Feedback> {
  const f = await feedbackById(ctx.db, id);
  if (!f || (isUnitRole(actor.role) && (f.unit_id === null || !inScope(actor, [f.unit_id]))))
    throw new NotFoundError(`Không tìm thấy góp ý số ${id}.`);
  return f;
}

async function move(
  ctx: Ctx,
  actor: Actor,
  f: Feedback,
  to: FeedbackStatus,
  patch: Parameters<typeof updateFeedback>[2],
  reason: string | null,
) {
  if (!canMoveFeedback(f.status as FeedbackStatus, to))
    throw new ConflictError(
      `Góp ý ${f.code} đang ở trạng thái "${FEEDBACK_STATUS_LABELS[f.status as FeedbackStatus]}", không chuyển sang "${FEEDBACK_STATUS_LABELS[to]}" được.`,
    );
  const row = await ctx.db.transaction().execute(async (trx) => {
    const next = await updateFeedback(trx, f.id, { ...patch, status: to, updated_at: nowIso(ctx) });
    if (to === "published")
      for (const told of [next, ...(await feedbackMergedInto(trx, f.id))])
        await queueSenderMail(ctx, trx, "answered", told);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `feedback.${to}`,
      entity: "feedback",
      entityId: f.id,
      before: { status: f.status, unitId: f.unit_id },
      after: { status: to, unitId: next.unit_id, deadline: next.deadline },
      reason,
    });
    return next;
  });
  return staffItem(ctx, actor, row.id);
}

export async function feedbackQueue(ctx: Ctx, actor: Actor, query: z.infer<typeof feedbackQuery>) {
  requireRole(actor, "monitor", "unit_head", "unit_staff");
  const today = todayOf(ctx);
  const rows = await listFeedback(ctx.db, {
    units: isUnitRole(actor.role) ? (actor.units ?? []) : null,
    status: query.status,
    kind: query.kind,
    overdueOn: query.overdue === "true" ? today : undefined,
  });
  return Promise.all(rows.map((f) => staffView(ctx, actor, f, today)));
}

export async function feedbackItem(ctx: Ctx, actor: Actor, id: number) {
  requireRole(actor, "monitor", "unit_head", "unit_staff");
  await load(ctx, actor, id);
  return staffItem(ctx, actor, id);
}

/** An attachment, for the monitoring department or the unit the submission is routed to. */
export async function feedbackAttachment(ctx: Ctx, actor: Actor, id: number, fileId: number) {
  requireRole(actor, "monitor", "unit_head", "unit_staff");
  await load(ctx, actor, id);
  return openFeedbackFile(ctx, id, fileId);
}

/**
 * The monitoring department routes a submission to a unit (or reroutes a returned answer);
 * the deadline is `days` working days (default: the kind's, set by the administrator) from today.
 */
export async function routeFeedback(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: z.infer<typeof routeInput>,
) {
  requireRole(actor, "monitor");
  const f = await load(ctx, actor, id);
  if (!(await getOrganisation(ctx.db, input.unitId)))
    throw new ValidationError(`Không tìm thấy đơn vị số ${input.unitId}.`);
  const holidays = new Set((await listHolidays(ctx.db)).map((h) => h.date));
  const days = input.days ?? (await answerDaysOf(ctx, f.kind as FeedbackKind));
  const deadline = addWorkingDays(todayOf(ctx), days, holidays);
  return move(
    ctx,
    actor,
    f,
    "routed",
    { unit_id: input.unitId, deadline, internal_note: input.note ?? f.internal_note },
    input.note ?? null,
  );
}

export async function rejectFeedback(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: z.infer<typeof rejectInput>,
) {
  requireRole(actor, "monitor");
  const f = await load(ctx, actor, id);
  return move(ctx, actor, f, "rejected", { reject_reason: input.reason }, input.reason);
}

/** The unit the submission is routed to drafts its answer. */
export async function answerFeedback(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: z.infer<typeof answerInput>,
) {
  requireRole(actor, "unit_head", "unit_staff");
  const f = await load(ctx, actor, id);
  return move(ctx, actor, f, "answered", { answer: input.answer }, null);
}

/** The monitoring department publishes the unit's answer, or returns it with a reason (the unit sees it as the note). */
export async function decideFeedback(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: z.infer<typeof decisionInput>,
) {
  requireRole(actor, "monitor");
  const f = await load(ctx, actor, id);
  return input.approve
    ? move(ctx, actor, f, "published", {}, input.reason ?? null)
    : move(ctx, actor, f, "routed", { internal_note: input.reason ?? null }, input.reason ?? null);
}

/**
 * The monitoring department merges a duplicate into another submission (by its code): the
 * duplicate is answered once, by that one; its sender's tracking page shows that answer.
 */
export async function mergeFeedback(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: z.infer<typeof mergeInput>,
) {
  requireRole(actor, "monitor");
  const f = await load(ctx, actor, id);
  const into = await feedbackByCode(ctx.db, input.into);
  if (!into) throw new ValidationError(`Không tìm thấy góp ý có mã ${input.into}.`);
  if (into.id === f.id) throw new ValidationError("Không gộp một góp ý vào chính nó.");
  if (into.status === "merged" || into.status === "rejected")
    throw new ValidationError(
      `Góp ý ${into.code} đang ở trạng thái "${FEEDBACK_STATUS_LABELS[into.status as FeedbackStatus]}", không gộp vào được.`,
    );
  return move(
    ctx,
    actor,
    f,
    "merged",
    { merged_into_id: into.id },
    input.reason ?? `Gộp vào ${into.code}`,
  );
}

/** Tasks of published plans a visitor may say the feedback is about (at most 10). */
export async function publicTaskSearch(ctx: Ctx, q: string) {
  const rows = await searchPublicTasks(ctx.db, q, 10);
  return rows.map((t) => ({
    id: t.id,
    label: `${t.plan_number ? `${t.plan_number} – ` : ""}${t.number ? `Nhiệm vụ ${t.number}: ` : ""}${t.name}`,
  }));
}
