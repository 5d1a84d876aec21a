import { dateInput, REPORT_PERIODS } from "@giamsat/core";
import { z } from "zod";
import { id } from "../http/query.js";

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
