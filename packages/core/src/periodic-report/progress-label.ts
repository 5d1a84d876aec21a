import { formatPeriodKey } from "../status/date.format.js";

const STATE_LABELS: Record<string, string> = {
  not_started: "Chưa triển khai",
  in_progress: "Đang thực hiện",
  completed: "Đã hoàn thành",
  nothing_to_report: "Không phát sinh",
};

/**
 * A task's latest report in one line for the annex: "Đang thực hiện 60% (Tháng 5/2026)", with
 * "chờ duyệt" when the monitoring department has not accepted it yet.
 */
export function progressLabel(report: {
  state: string;
  progress: number | null;
  period_key: string;
  status: string;
}): string {
  const state = STATE_LABELS[report.state] ?? report.state;
  const pct =
    report.progress !== null && report.state === "in_progress" ? ` ${report.progress}%` : "";
  const pending = report.status === "accepted" ? "" : ", chờ duyệt";
  return `${state}${pct} (${formatPeriodKey(report.period_key)}${pending})`;
}
