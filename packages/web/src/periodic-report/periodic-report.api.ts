/** The periodic report's API as the page uses it (GET/PUT /api/reports/periodic…). */
import type {
  KeptReportResponse,
  PeriodicDraftResponse,
  PeriodicPreviewResponse,
} from "@giamsat/server/api";
import { apiUrl } from "../api/client.js";

export const PERIODS = [
  { value: "month", label: "Tháng" },
  { value: "quarter", label: "Quý" },
  { value: "half", label: "6 tháng" },
  { value: "year", label: "Năm" },
] as const;

export const FORMATS = [
  { value: "docx", label: "Tải .docx (Word)" },
  { value: "pdf", label: "Tải .pdf" },
  { value: "xlsx", label: "Tải .xlsx (phụ lục)" },
] as const;

export type ReportScope = { plan: string | null; asOf: string; period: string };

export type ReportPreview = PeriodicPreviewResponse;
export type ReportDraft = PeriodicDraftResponse;
export type KeptReport = KeptReportResponse;

export const scopeQuery = (s: ReportScope) => ({
  plan: s.plan ?? "all",
  asOf: s.asOf,
  period: s.period,
});

export const downloadUrl = (s: ReportScope, format: string) =>
  apiUrl("/api/reports/periodic", { ...scopeQuery(s), format });
