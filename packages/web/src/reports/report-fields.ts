import type { ReportView } from "../api/types.js";

/** What the report form holds, as typed: the shape of a draft saved on the server. */
export type ReportFields = {
  period: string;
  state: string;
  progress: string;
  completedOn: string;
  summary: string;
  difficulties: string;
  proposals: string;
  /** document references, one a line */
  references: string;
  /** https:// links, one a line */
  links: string;
  /** the report this one corrects (the period's live report), if any */
  supersedes?: number;
  /** files of the corrected report kept for this one */
  keepEvidence: number[];
};

export const emptyFields = (period: string, state: string): ReportFields => ({
  period,
  state,
  progress: "",
  completedOn: "",
  summary: "",
  difficulties: "",
  proposals: "",
  references: "",
  links: "",
  keepEvidence: [],
});

/** A period's live report: the one no later report corrects. */
export function liveReport(reports: readonly ReportView[], period: string): ReportView | undefined {
  const corrected = new Set(reports.map((r) => r.supersedesId).filter((id) => id !== null));
  return reports
    .filter((r) => r.period === period && !corrected.has(r.id))
    .sort((a, b) => b.id - a.id)[0];
}

/** The text of a report as the form's fields (the period and the correction target aside). */
export function fieldsFrom(report: ReportView): Omit<ReportFields, "period" | "supersedes"> {
  return {
    state: report.state,
    progress: report.progress === null ? "" : String(report.progress),
    completedOn: report.completedOn ?? "",
    summary: report.state === "nothing_to_report" ? "" : report.summary,
    difficulties: report.difficulties ?? "",
    proposals: report.proposals ?? "",
    references: report.evidence
      .filter((e) => e.kind === "document")
      .map((e) => e.reference ?? "")
      .join("\n"),
    links: report.evidence
      .filter((e) => e.kind === "link")
      .map((e) => e.url ?? "")
      .join("\n"),
    keepEvidence: report.evidence.filter((e) => e.kind === "file").map((e) => e.id),
  };
}

/**
 * The form's first values: the user's saved draft; else, when the period already has a live
 * report (returned, pending or accepted), that report's text, files and a correction of it —
 * "Gửi lại báo cáo" opens with what was sent; else an empty form.
 */
export function initialFields(
  reports: readonly ReportView[],
  period: string,
  defaultState: string,
  draft: ReportFields | null,
): ReportFields {
  if (draft) return draft;
  const live = liveReport(reports, period);
  if (!live) return emptyFields(period, defaultState);
  return { ...fieldsFrom(live), period, supersedes: live.id };
}

/** The latest report of an earlier period (for "copy last period's report"). */
export function previousPeriodReport(
  reports: readonly ReportView[],
  period: string,
): ReportView | undefined {
  return reports
    .filter((r) => r.period < period)
    .sort((a, b) => b.period.localeCompare(a.period) || b.id - a.id)[0];
}
