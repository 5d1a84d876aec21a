import { FEEDBACK_CODE_PATTERN, FEEDBACK_KINDS, FEEDBACK_STATUSES } from "@giamsat/core";
import { z } from "zod";

const text = (field: string, max: number) =>
  z
    .string({ message: `Thiếu ${field}.` })
    .trim()
    .min(1, `Cần nhập ${field}.`)
    .max(max, `${field} dài quá ${max} ký tự.`);

export const feedbackInput = z
  .object({
    kind: z.enum(FEEDBACK_KINDS, { message: "Loại góp ý không hợp lệ." }),
    title: text("tiêu đề", 200),
    content: text("nội dung", 5000),
    taskId: z.number().int().positive().optional(),
    fieldId: z.number().int().positive().optional(),
    name: text("họ và tên", 120),
    organisation: z.string().trim().max(200).optional(),
    email: z.string().trim().email("Thư điện tử không hợp lệ.").optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .]{8,15}$/, "Số điện thoại không hợp lệ.")
      .optional(),
    consent: z.literal(true, {
      message: "Cần đồng ý cho xử lý dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP) để gửi góp ý.",
    }),
    publishName: z.boolean().default(false),
    altcha: z.string().min(1, "Thiếu mã xác minh chống gửi tự động (trường altcha)."),
  })
  .refine((v) => v.email || v.phone, {
    message: "Cần để lại thư điện tử hoặc số điện thoại để nhận trả lời.",
    path: ["email"],
  });

/** The multipart form's text fields as the JSON body has them (checkboxes: "true" or "on"). */
export function feedbackFromForm(fields: Record<string, string>): unknown {
  const flag = (v: string | undefined) => v === "true" || v === "on";
  const blank = (v: string | undefined) => (v?.trim() ? v : undefined);
  return {
    kind: fields.kind,
    title: fields.title,
    content: fields.content,
    taskId: blank(fields.taskId) === undefined ? undefined : Number(fields.taskId),
    fieldId: blank(fields.fieldId) === undefined ? undefined : Number(fields.fieldId),
    name: fields.name,
    organisation: blank(fields.organisation),
    email: blank(fields.email),
    phone: blank(fields.phone),
    consent: flag(fields.consent),
    publishName: flag(fields.publishName),
    altcha: fields.altcha,
  };
}

export const feedbackMultipart = z.object({
  kind: z.string(),
  title: z.string(),
  content: z.string(),
  name: z.string(),
  consent: z.string().describe('"true"'),
  altcha: z.string(),
  files: z
    .array(z.string())
    .describe("Tệp đính kèm (tối đa 3, cùng loại và dung lượng như minh chứng)"),
});

export const fileParams = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
});

export const codeParams = z.object({
  code: z.string().regex(FEEDBACK_CODE_PATTERN, "Mã theo dõi không đúng dạng GY-yyyymmdd-XXXXXX."),
});

export const challengeSchema = z.object({
  algorithm: z.string(),
  challenge: z.string(),
  maxnumber: z.number().optional(),
  salt: z.string(),
  signature: z.string(),
});

export const submittedSchema = z.object({ code: z.string(), secret: z.string() });

/** A task the visitor may name on the form, as the form's search offers it. */
export const taskChoiceSchema = z.object({ id: z.number(), label: z.string() });
export type TaskChoiceView = z.infer<typeof taskChoiceSchema>;

/** What anyone holding the code sees: no contact, no internal note, the name only if chosen. */
export const publicFeedbackSchema = z.object({
  code: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  content: z.string(),
  senderName: z.string().nullable(),
  /** the field (lĩnh vực) chosen on the form */
  field: z.string().nullable(),
  status: z.enum(FEEDBACK_STATUSES),
  /** merged: the code of the submission that answers it */
  mergedInto: z.string().nullable(),
  statusLabel: z.string(),
  unit: z.string().nullable(),
  deadline: z.string().nullable(),
  answer: z.string().nullable(),
  rejectReason: z.string().nullable(),
  rating: z.number().nullable(),
  receivedAt: z.string(),
});

export type PublicFeedbackView = z.infer<typeof publicFeedbackSchema>;

export const ratingInput = z.object({
  secret: z.string().min(1, "Thiếu mã bí mật của người gửi."),
  rating: z.number().int().min(1, "Đánh giá từ 1 đến 5.").max(5, "Đánh giá từ 1 đến 5."),
  comment: z.string().trim().max(1000).optional(),
});

/** The handling view (monitoring department, the unit): contact included, staff only. */
export const feedbackItemSchema = publicFeedbackSchema.extend({
  id: z.number(),
  unitId: z.number().nullable(),
  senderOrganisation: z.string().nullable(),
  senderEmail: z.string().nullable(),
  senderPhone: z.string().nullable(),
  internalNote: z.string().nullable(),
  ratingComment: z.string().nullable(),
  /** the plan task it is about (plan number – task number: name) */
  task: z.object({ id: z.number(), label: z.string() }).nullable(),
  /** the unit to route to, proposed from the task's lead unit */
  suggestedUnitId: z.number().nullable(),
  /** routed, unanswered, past its deadline */
  overdue: z.boolean(),
  /** the visitor's files: only handlers see them (`GET /api/feedback/:id/files/:fileId`) */
  attachments: z.array(
    z.object({ id: z.number(), fileName: z.string(), mime: z.string(), size: z.number() }),
  ),
});

export type FeedbackItemView = z.infer<typeof feedbackItemSchema>;

export const feedbackQuery = z.object({
  status: z.enum(FEEDBACK_STATUSES, { message: "Trạng thái góp ý không hợp lệ." }).optional(),
  kind: z.enum(FEEDBACK_KINDS, { message: "Loại góp ý không hợp lệ." }).optional(),
  overdue: z.enum(["true", "false"]).optional(),
});

export const routeInput = z.object({
  unitId: z.number().int().positive(),
  days: z.number().int().min(1).max(60).optional(),
  note: z.string().trim().max(2000).optional(),
});
export const rejectInput = z.object({
  reason: z.string().trim().min(1, "Cần nêu lý do không tiếp nhận."),
});
export const answerInput = z.object({
  answer: z.string().trim().min(1, "Cần nhập nội dung trả lời.").max(10000),
});
export const mergeInput = z.object({
  into: z
    .string()
    .trim()
    .regex(FEEDBACK_CODE_PATTERN, "Mã góp ý không đúng dạng GY-yyyymmdd-XXXXXX."),
  reason: z.string().trim().max(1000).optional(),
});
export const decisionInput = z
  .object({ approve: z.boolean(), reason: z.string().trim().optional() })
  .refine((v) => v.approve || v.reason, {
    message: "Cần nêu lý do trả lại cho đơn vị.",
    path: ["reason"],
  });
