import { dateInput, periodKeyInput } from "@giamsat/core";
import { z } from "zod";

export const evidenceRef = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("document"),
    reference: z.string().trim().min(1, "Nhập số, ký hiệu văn bản").max(500),
  }),
  z.object({
    kind: z.literal("link"),
    url: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\/\S+$/i, "Liên kết phải bắt đầu bằng http:// hoặc https://"),
    reference: z.string().trim().max(500).optional(),
  }),
]);

export const REPORT_STATES = [
  "not_started",
  "in_progress",
  "completed",
  "nothing_to_report",
] as const;

/** A progress report as a unit submits it (JSON body, or the `data` field of a multipart form). */
export const reportInput = z
  .object({
    period: periodKeyInput.optional(),
    state: z.enum(REPORT_STATES),
    completedOn: dateInput.optional(),
    progress: z.number().int().min(0).max(100).optional(),
    summary: z.string().trim().max(20000).default(""),
    difficulties: z.string().trim().max(20000).optional(),
    proposals: z.string().trim().max(20000).optional(),
    evidence: z.array(evidenceRef).max(50).default([]),
    supersedes: z.number().int().positive().optional(),
    keepEvidence: z
      .array(z.number().int().positive())
      .max(50)
      .default([])
      .describe("Tệp minh chứng của báo cáo được sửa đổi (supersedes) giữ lại cho báo cáo này"),
    clientToken: z
      .string()
      .trim()
      .min(8)
      .max(100)
      .optional()
      .describe(
        "Mã của lần mở biểu mẫu: gửi lại cùng mã trả về báo cáo đã ghi, không tạo báo cáo mới",
      ),
  })
  .superRefine((r, ctx) => {
    if (r.keepEvidence.length && r.supersedes === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["keepEvidence"],
        message: "Chỉ giữ lại minh chứng khi gửi báo cáo sửa đổi (supersedes)",
      });
    }
    if (r.state === "completed" && !r.completedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["completedOn"],
        message: "Nhập ngày hoàn thành khi báo cáo đã hoàn thành",
      });
    }
    if (r.state !== "completed" && r.completedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["completedOn"],
        message: "Chỉ nhập ngày hoàn thành khi trạng thái là đã hoàn thành",
      });
    }
    if (r.state !== "nothing_to_report" && !r.summary) {
      ctx.addIssue({ code: "custom", path: ["summary"], message: "Nhập nội dung báo cáo" });
    }
  });
export type ReportInput = z.output<typeof reportInput>;

export const reviewInput = z
  .object({
    decision: z.enum(["accept", "return"]),
    comment: z.string().trim().max(5000).optional(),
  })
  .refine((r) => r.decision === "accept" || Boolean(r.comment), {
    path: ["comment"],
    message: "Nhập ý kiến khi trả lại báo cáo",
  });
export type ReviewInput = z.output<typeof reviewInput>;

/** Several submitted reports accepted together (returning stays one by one, with its reason). */
export const bulkAcceptInput = z.object({
  reportIds: z
    .array(z.number().int().positive())
    .min(1, "Chọn ít nhất một báo cáo")
    .max(100, "Chấp nhận tối đa 100 báo cáo một lần")
    .refine((ids) => new Set(ids).size === ids.length, "Mỗi báo cáo chỉ chọn một lần"),
  comment: z.string().trim().max(5000).optional(),
});
export type BulkAcceptInput = z.output<typeof bulkAcceptInput>;

/**
 * The same short report sent for several tasks at once ("Không phát sinh" for the month's
 * recurring tasks): each task gets its own report, for its own plan's period unless one is given.
 */
export const bulkReportInput = z.object({
  taskIds: z
    .array(z.number().int().positive())
    .min(1, "Chọn ít nhất một nhiệm vụ")
    .max(100, "Gửi tối đa 100 nhiệm vụ một lần")
    .refine((ids) => new Set(ids).size === ids.length, "Mỗi nhiệm vụ chỉ chọn một lần"),
  period: periodKeyInput.optional(),
  state: z.enum(["nothing_to_report", "in_progress"]),
  summary: z.string().trim().max(2000).default(""),
});
export type BulkReportInput = z.output<typeof bulkReportInput>;

const draftText = z.string().max(20000).optional();

/** What a report form holds while the user types (every field optional, as typed). */
export const reportDraftInput = z.object({
  period: z.string().max(20).optional(),
  state: z.string().max(40).optional(),
  progress: z.string().max(10).optional(),
  completedOn: z.string().max(20).optional(),
  summary: draftText,
  difficulties: draftText,
  proposals: draftText,
  references: draftText,
  links: draftText,
  supersedes: z.number().int().positive().optional(),
  keepEvidence: z.array(z.number().int().positive()).max(50).optional(),
});
export type ReportDraftInput = z.output<typeof reportDraftInput>;
