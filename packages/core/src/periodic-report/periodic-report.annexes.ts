/**
 * The periodic report's annexes: each one's heading and columns, and the row of one line. The
 * report builds them from its lists; the national .xlsx streams the same rows page by page.
 * Text is NFC: copied out of the file it compares equal to what was typed.
 */
import { STATUS_SHORT_LABELS } from "../status/status-labels.js";
import type {
  Annex,
  AnnexCell,
  ReportIndicatorLine,
  ReportOverdueLine,
  ReportScorecardLine,
  ReportTaskLine,
} from "./periodic-report.model.js";

export type AnnexHead = Omit<Annex, "rows">;

const nfc = (cells: AnnexCell[]): AnnexCell[] =>
  cells.map((c) => (typeof c === "string" ? c.normalize("NFC") : c));

export const TASK_ANNEX: AnnexHead = {
  key: "tasks",
  label: "Phụ lục I",
  title: "DANH MỤC NHIỆM VỤ VÀ TÌNH HÌNH THỰC HIỆN",
  sheet: "PL I - Nhiệm vụ",
  columns: [
    { title: "STT", widthMm: 11, kind: "number" },
    { title: "Kế hoạch", widthMm: 24, kind: "text" },
    { title: "Số", widthMm: 11, kind: "text" },
    { title: "Nhiệm vụ", widthMm: 72, kind: "text" },
    { title: "Đơn vị chủ trì", widthMm: 36, kind: "text" },
    { title: "Thời hạn", widthMm: 22, kind: "text" },
    { title: "Hạn (ngày)", widthMm: 23, kind: "date" },
    { title: "Trạng thái", widthMm: 24, kind: "text" },
    { title: "Tiến độ gần nhất", widthMm: 27, kind: "text" },
  ],
};

/** Row `index` (from 0) of the task annex. */
export function taskAnnexRow(t: ReportTaskLine, index: number): AnnexCell[] {
  return nfc([
    index + 1,
    t.plan,
    t.number,
    t.name,
    t.lead,
    t.deadline,
    t.due,
    STATUS_SHORT_LABELS[t.status],
    t.progress,
  ]);
}

export const OVERDUE_ANNEX: AnnexHead = {
  key: "overdue",
  label: "Phụ lục II",
  title: "NHIỆM VỤ CHƯA HOÀN THÀNH – QUÁ HẠN",
  sheet: "PL II - Quá hạn",
  columns: [
    { title: "STT", widthMm: 11, kind: "number" },
    { title: "Số", widthMm: 11, kind: "text" },
    { title: "Nhiệm vụ", widthMm: 70, kind: "text" },
    { title: "Đơn vị chủ trì", widthMm: 36, kind: "text" },
    { title: "Hạn", widthMm: 23, kind: "date" },
    { title: "Số ngày quá hạn", widthMm: 18, kind: "number" },
    { title: "Lý do (báo cáo gần nhất)", widthMm: 56, kind: "text" },
    { title: "Thời hạn mới", widthMm: 25, kind: "date" },
  ],
};

export function overdueAnnexRow(t: ReportOverdueLine, index: number): AnnexCell[] {
  return nfc([index + 1, t.number, t.name, t.lead, t.due, t.daysOverdue, t.reason, t.newDate]);
}

export const SCORECARD_ANNEX: AnnexHead = {
  key: "scorecards",
  label: "Phụ lục III",
  title: "KẾT QUẢ THỰC HIỆN THEO ĐƠN VỊ CHỦ TRÌ",
  sheet: "PL III - Đơn vị",
  columns: [
    { title: "STT", widthMm: 11, kind: "number" },
    { title: "Đơn vị chủ trì", widthMm: 89, kind: "text" },
    { title: "Nhiệm vụ chủ trì", widthMm: 25, kind: "number" },
    { title: "Đã hoàn thành", widthMm: 25, kind: "number" },
    { title: "Quá hạn", widthMm: 25, kind: "number" },
    { title: "Kỳ báo cáo đến hạn", widthMm: 25, kind: "number" },
    { title: "Gửi đúng hạn", widthMm: 25, kind: "number" },
    { title: "Tỷ lệ đúng hạn", widthMm: 25, kind: "percent" },
  ],
};

export function scorecardAnnexRow(s: ReportScorecardLine, index: number): AnnexCell[] {
  return nfc([
    index + 1,
    s.unit,
    s.led,
    s.done,
    s.overdue,
    s.reportsDue,
    s.reportsOnTime,
    s.reportsDue > 0 ? s.reportsOnTime / s.reportsDue : null,
  ]);
}

export const INDICATOR_ANNEX: AnnexHead = {
  key: "indicators",
  label: "Phụ lục IV",
  title: "CHỈ TIÊU VÀ MỨC ĐỘ ĐẠT",
  sheet: "PL IV - Chỉ tiêu",
  columns: [
    { title: "STT", widthMm: 11, kind: "number" },
    { title: "Số", widthMm: 15, kind: "text" },
    { title: "Chỉ tiêu", widthMm: 94, kind: "text" },
    { title: "Đơn vị tính", widthMm: 25, kind: "text" },
    { title: "Giá trị gần nhất", widthMm: 35, kind: "text" },
    { title: "Mức đạt", widthMm: 25, kind: "percent" },
    { title: "Cảnh báo", widthMm: 45, kind: "text" },
  ],
};

export function indicatorAnnexRow(x: ReportIndicatorLine, index: number): AnnexCell[] {
  return nfc([index + 1, x.number, x.name, x.unit, x.latest, x.achievement, x.warning]);
}
