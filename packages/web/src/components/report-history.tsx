import { formatPeriodKey } from "@giamsat/core";
import type { ReportView } from "../api/types.js";
import type { ItemProps } from "../api/use-more.js";
import { formatDate, formatDateTime } from "../format/date.format.js";
import { REPORT_STATE_LABELS, REVIEW_STATE_LABELS } from "../format/status.format.js";
import { EvidenceList } from "./evidence-list.js";
import { ReportText } from "./report-text.js";

/** The reports on a task, newest first, each with its evidence and review. */
export function ReportHistory({
  reports,
  itemProps,
}: {
  reports: ReportView[];
  /** what each report's item carries (the first one "Xem thêm" shows takes the keyboard) */
  itemProps?: (id: number) => ItemProps;
}) {
  if (!reports.length) return <p className="muted">Chưa có báo cáo nào.</p>;
  const sorted = [...reports].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  return (
    <ol className="timeline">
      {sorted.map((r) => (
        <li key={r.id} className={r.status} {...itemProps?.(r.id)}>
          <p>
            <span className={`chip r-${r.status}`}>
              {REVIEW_STATE_LABELS[r.status] ?? r.status}
            </span>{" "}
            <strong>{formatPeriodKey(r.period)}</strong> · {REPORT_STATE_LABELS[r.state] ?? r.state}
            {r.progress !== null ? ` · ${r.progress}%` : ""}
            {r.completedOn ? ` · hoàn thành ngày ${formatDate(r.completedOn)}` : ""}
          </p>
          <p className="muted">
            Gửi lúc {formatDateTime(r.submittedAt)}
            {r.submittedBy.name ? ` bởi ${r.submittedBy.name}` : ""}
            {r.orgName ? ` (${r.orgName})` : ""}
          </p>
          <ReportText report={r} />
          {r.signedOff && (
            <p className="muted">
              Lãnh đạo đơn vị ký duyệt lúc {formatDateTime(r.signedOff.at)}
              {r.signedOff.by.name ? ` · ${r.signedOff.by.name}` : ""}
            </p>
          )}
          <EvidenceList items={r.evidence} />
          {r.reviews.map((v) => (
            <p key={v.id} className={v.decision === "return" ? "alert error" : "alert success"}>
              {v.decision === "accept" ? "Đã chấp nhận" : "Trả lại"} ·{" "}
              {formatDateTime(v.reviewedAt)}
              {v.reviewerName ? ` · ${v.reviewerName}` : ""}
              {v.comment ? `: ${v.comment}` : ""}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
