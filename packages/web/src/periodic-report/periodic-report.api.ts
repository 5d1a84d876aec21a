/** The periodic report's API as the page uses it (GET/PUT /api/reports/periodic…). */
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

export type ReportPreview = {
  title: string;
  subtitle: string;
  header: { agency: string; department: string | null; placeDate: string };
  sections: {
    heading: string;
    paragraphs: string[];
    editable?: "assessment" | "directions";
  }[];
  annexes: { label: string; title: string; rows: number }[];
};

export type ReportDraft = {
  sections: { assessment: string; directions: string };
  updatedAt: string | null;
  updatedBy: string | null;
};

export type KeptReport = {
  id: number;
  generatedAt: string;
  generatedBy: string | null;
  plan: { id: number; number: string | null } | null;
  asOf: string;
  period: string;
  format: string;
  fileName: string;
  size: number;
};

export const scopeQuery = (s: ReportScope) => ({
  plan: s.plan ?? "all",
  asOf: s.asOf,
  period: s.period,
});

export const downloadUrl = (s: ReportScope, format: string) =>
  apiUrl("/api/reports/periodic", { ...scopeQuery(s), format });
