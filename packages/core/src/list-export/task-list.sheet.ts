import type { AnnexColumn, AnnexCell } from "../periodic-report/periodic-report.model.js";
import { STATUS_SHORT_LABELS } from "../status/status-labels.js";
import type { StatusCode } from "../status/status-labels.js";

/** A task as a list page shows it, with its status as of the list's date. */
export type TaskListLine = {
  plan: string | null;
  appendix: string;
  number: string | null;
  name: string;
  lead: string;
  /** the deadline as written ("Quý I/2026", "Hằng tháng") */
  deadline: string;
  /** the deadline's date (ISO) when it has one */
  due: string | null;
  status: StatusCode;
  daysOverdue: number | null;
  completedOn: string | null;
  output: string | null;
};

export const TASK_LIST_COLUMNS: AnnexColumn[] = [
  { title: "STT", widthMm: 11, kind: "number" },
  { title: "Kế hoạch", widthMm: 24, kind: "text" },
  { title: "Phụ lục", widthMm: 16, kind: "text" },
  { title: "Số", widthMm: 11, kind: "text" },
  { title: "Nhiệm vụ", widthMm: 80, kind: "text" },
  { title: "Đơn vị chủ trì", widthMm: 40, kind: "text" },
  { title: "Thời hạn", widthMm: 24, kind: "text" },
  { title: "Hạn (ngày)", widthMm: 23, kind: "date" },
  { title: "Tình trạng", widthMm: 28, kind: "text" },
  { title: "Số ngày quá hạn", widthMm: 18, kind: "number" },
  { title: "Ngày hoàn thành", widthMm: 23, kind: "date" },
  { title: "Sản phẩm", widthMm: 50, kind: "text" },
];

/** The row of the `index`-th task (from 0) under TASK_LIST_COLUMNS. */
export function taskListRow(line: TaskListLine, index: number): AnnexCell[] {
  return [
    index + 1,
    line.plan,
    line.appendix,
    line.number,
    line.name,
    line.lead,
    line.deadline,
    line.due,
    STATUS_SHORT_LABELS[line.status],
    line.daysOverdue,
    line.completedOn,
    line.output,
  ];
}
