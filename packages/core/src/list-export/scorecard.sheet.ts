import type { AnnexColumn, AnnexCell } from "../periodic-report/periodic-report.model.js";
import { STATUS_SHORT_LABELS } from "../status/status-labels.js";

/** A lead unit's scorecard as the "Đánh giá đơn vị" page shows it. */
export type ScorecardLine = {
  name: string;
  led: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  dueSoon: number;
  inTime: number;
  noDeadline: number;
  recurring: number;
  reportsDue: number;
  reportsOnTime: number;
  /** reports on time / reports due, null when none was due */
  timeliness: number | null;
  reminderMedianDays: number | null;
};

export const SCORECARD_COLUMNS: AnnexColumn[] = [
  { title: "STT", widthMm: 11, kind: "number" },
  { title: "Đơn vị chủ trì", widthMm: 80, kind: "text" },
  { title: "Chủ trì", widthMm: 18, kind: "number" },
  { title: STATUS_SHORT_LABELS.done_on_time, widthMm: 22, kind: "number" },
  { title: STATUS_SHORT_LABELS.done_late, widthMm: 22, kind: "number" },
  { title: STATUS_SHORT_LABELS.overdue, widthMm: 22, kind: "number" },
  { title: STATUS_SHORT_LABELS.due_soon, widthMm: 22, kind: "number" },
  { title: STATUS_SHORT_LABELS.in_time, widthMm: 22, kind: "number" },
  { title: STATUS_SHORT_LABELS.no_deadline, widthMm: 22, kind: "number" },
  { title: STATUS_SHORT_LABELS.recurring, widthMm: 22, kind: "number" },
  { title: "Kỳ báo cáo đến hạn", widthMm: 22, kind: "number" },
  { title: "Gửi đúng hạn", widthMm: 22, kind: "number" },
  { title: "Tỷ lệ đúng hạn", widthMm: 22, kind: "percent" },
  { title: "Báo cáo sau nhắc (trung vị, ngày)", widthMm: 30, kind: "number" },
];

/** The row of the `index`-th unit (from 0) under SCORECARD_COLUMNS. */
export function scorecardRow(card: ScorecardLine, index: number): AnnexCell[] {
  return [
    index + 1,
    card.name,
    card.led,
    card.doneOnTime,
    card.doneLate,
    card.overdue,
    card.dueSoon,
    card.inTime,
    card.noDeadline,
    card.recurring,
    card.reportsDue,
    card.reportsOnTime,
    card.timeliness,
    card.reminderMedianDays,
  ];
}
