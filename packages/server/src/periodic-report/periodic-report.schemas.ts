import { dateInput, EDITABLE_SECTIONS, REPORT_PERIODS } from "@giamsat/core";
import { z } from "zod";
import { id, limitParam, offsetParam } from "../http/query.js";

export const REPORT_FORMATS = ["docx", "pdf", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** GET /api/reports/periodic: every parameter told in Vietnamese when it is wrong. */
export const periodicReportQuery = z.object({
  plan: z
    .union([z.literal("all"), id], { message: "Kế hoạch (plan): nhập số hiệu kế hoạch hoặc “all”" })
    .optional()
    .transform((v) => (v === "all" ? undefined : v))
    .describe("id của kế hoạch, hoặc all (mọi kế hoạch; mặc định)"),
  asOf: dateInput.describe("ngày số liệu, YYYY-MM-DD"),
  format: z.enum(REPORT_FORMATS, {
    message: `Định dạng (format) phải là một trong: ${REPORT_FORMATS.join(", ")}`,
  }),
  unit: id.optional().describe("chỉ các nhiệm vụ do đơn vị này chủ trì"),
  period: z
    .enum(REPORT_PERIODS, {
      message: `Kỳ báo cáo (period) phải là một trong: ${REPORT_PERIODS.join(", ")}`,
    })
    .default("month")
    .describe("month: tháng · quarter: quý · half: 6 tháng · year: năm (kỳ chứa ngày trước asOf)"),
});
export type PeriodicReportParams = z.output<typeof periodicReportQuery>;

/** The scope a draft belongs to: the report's parameters without the format. */
export const periodicScopeQuery = periodicReportQuery.omit({ format: true });
export type PeriodicScope = z.output<typeof periodicScopeQuery>;

const sectionText = z.string().trim().max(20000, "Mỗi phần tối đa 20.000 ký tự").default("");

/** PUT /api/reports/periodic/draft: the scope and the sections the monitoring department writes. */
export const periodicDraftInput = periodicScopeQuery.extend(
  Object.fromEntries(EDITABLE_SECTIONS.map((k) => [k, sectionText])) as Record<
    (typeof EDITABLE_SECTIONS)[number],
    typeof sectionText
  >,
);
export type PeriodicDraftInput = z.output<typeof periodicDraftInput>;

export const periodicDraftResponse = z.object({
  sections: z.object({ assessment: z.string(), directions: z.string() }),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const keptListQuery = z.object({
  plan: id.optional(),
  limit: limitParam(200, 50),
  offset: offsetParam,
});

export const keptReportSchema = z.object({
  id: z.number(),
  generatedAt: z.string(),
  generatedBy: z.string().nullable().describe("null: tạo bằng dòng lệnh giamsat report"),
  plan: z.object({ id: z.number(), number: z.string().nullable() }).nullable(),
  unit: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  asOf: z.string(),
  period: z.string(),
  format: z.string(),
  fileName: z.string(),
  size: z.number(),
});

/** The report's content as the page previews it (annexes by their size, not their rows). */
export const periodicPreviewResponse = z.object({
  title: z.string(),
  subtitle: z.string(),
  header: z.object({
    agency: z.string(),
    department: z.string().nullable(),
    placeDate: z.string(),
  }),
  sections: z.array(
    z.object({
      heading: z.string(),
      paragraphs: z.array(z.string()),
      editable: z.enum(EDITABLE_SECTIONS).optional(),
    }),
  ),
  annexes: z.array(z.object({ label: z.string(), title: z.string(), rows: z.number() })),
});

/** The bodies of the periodic report's endpoints, for the web app (`@giamsat/server/api`). */
export type PeriodicPreviewResponse = z.output<typeof periodicPreviewResponse>;
export type PeriodicDraftResponse = z.output<typeof periodicDraftResponse>;
export type KeptReportResponse = z.output<typeof keptReportSchema>;
