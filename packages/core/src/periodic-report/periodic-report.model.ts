/**
 * The periodic report's content, independent of its format: the administrative header, the body
 * sections with their figures, the signature block and the annex tables. The .docx, .pdf and
 * .xlsx renderers all draw this one model.
 */
import type { StatusCode } from "../status/status-labels.js";
import type { ReportPeriod } from "./report-period.js";

/** The sections the monitoring department writes itself, saved as drafts before export. */
export const EDITABLE_SECTIONS = ["assessment", "directions"] as const;
export type EditableSection = (typeof EDITABLE_SECTIONS)[number];
export const EDITABLE_SECTION_TITLES: Record<EditableSection, string> = {
  assessment: "Đánh giá chung",
  directions: "Nhiệm vụ trọng tâm thời gian tới",
};

/** One task as the report lists it. */
export type ReportTaskLine = {
  plan: string;
  number: string | null;
  name: string;
  status: StatusCode;
  lead: string;
  deadline: string;
  /** ISO date when the deadline is one day */
  due: string | null;
  /** the latest report's state and progress, "" when none */
  progress: string;
};

export type ReportOverdueLine = ReportTaskLine & {
  daysOverdue: number;
  /** the unit's stated reason (latest report's difficulties or summary, or its extension request) */
  reason: string;
  /** the new date the unit committed to (its latest deadline extension request), ISO */
  newDate: string | null;
};

export type ReportScorecardLine = {
  unit: string;
  led: number;
  done: number;
  overdue: number;
  reportsDue: number;
  reportsOnTime: number;
};

export type ReportIndicatorLine = {
  number: string | null;
  name: string;
  unit: string | null;
  latest: string;
  achievement: number | null;
  warning: string;
};

export type ReportRemark = { unit: string; task: string; text: string };

/** Everything the server computes for one report. */
export type PeriodicReportInput = {
  asOf: string;
  period: ReportPeriod;
  /** "Bộ Công Thương" */
  agency: string;
  /** the monitoring department writing the report, when known */
  department: string | null;
  /** what the report covers: "Kế hoạch số 596/QĐ-BCT ngày 31/3/2026 …" or all plans */
  subject: string;
  /** the one unit the report is narrowed to */
  unit: string | null;
  place: string;
  counts: Record<StatusCode, number>;
  tasks: ReportTaskLine[];
  overdue: ReportOverdueLine[];
  scorecards: ReportScorecardLine[];
  indicators: ReportIndicatorLine[];
  difficulties: ReportRemark[];
  proposals: ReportRemark[];
  drafts: Partial<Record<EditableSection, string>>;
};

export type ColumnKind = "text" | "number" | "date" | "percent";
export type AnnexColumn = { title: string; widthMm: number; kind: ColumnKind };
/** text, a number, an ISO date (kind "date"), a 0–1 share (kind "percent") or empty */
export type AnnexCell = string | number | null;
export type Annex = {
  key: "tasks" | "overdue" | "scorecards" | "indicators";
  /** "Phụ lục I" */
  label: string;
  title: string;
  /** the .xlsx sheet name (≤ 31 characters) */
  sheet: string;
  columns: AnnexColumn[];
  rows: AnnexCell[][];
};

export type ReportSection = {
  heading: string;
  paragraphs: string[];
  /** set on the sections the monitoring department edits */
  editable?: EditableSection;
};

export type PeriodicReportDoc = {
  header: {
    agency: string;
    department: string | null;
    number: string;
    motto: [string, string];
    placeDate: string;
  };
  title: string;
  subtitle: string;
  sections: ReportSection[];
  recipients: string[];
  signature: { authority: string; title: string; name: string };
  annexes: Annex[];
};
