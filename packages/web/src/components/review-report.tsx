import { formatPeriodKey } from "@giamsat/core";
import type { ReportWithTask } from "../api/types.js";
import { formatDate, formatDateTime } from "../format/date.format.js";
import { REPORT_STATE_LABELS } from "../format/status.format.js";
import { Link } from "../router/link.js";
import { EvidencePreview } from "./evidence-preview.js";

/** One report of the review queue as the reviewer reads it: task, period, text and evidence. */
export function ReviewReport({ report }: { report: ReportWithTask }) {
  return (
    <>
      <h2 id="review-title">
        <Link to={`/nhiem-vu/${report.task.id}`}>
          {report.task.number ? `Nhiệm vụ ${report.task.number}: ` : ""}
          {report.task.name}
        </Link>
      </h2>
      <p>
        <strong>{formatPeriodKey(report.period)}</strong> ·{" "}
        {REPORT_STATE_LABELS[report.state] ?? report.state}
        {report.progress !== null ? ` · ${report.progress}%` : ""}
        {report.completedOn ? ` · hoàn thành ngày ${formatDate(report.completedOn)}` : ""}
        {report.supersedesId ? ` · sửa đổi báo cáo số ${report.supersedesId}` : ""}
      </p>
      <p className="muted">
        Báo cáo số {report.id} · {report.orgName ?? ""}{" "}
        {report.submittedBy.name ? `· ${report.submittedBy.name}` : ""} ·{" "}
        {formatDateTime(report.submittedAt)}
        {report.signedOff
          ? ` · lãnh đạo đơn vị ký duyệt${report.signedOff.by.name ? ` (${report.signedOff.by.name})` : ""} lúc ${formatDateTime(report.signedOff.at)}`
          : ""}
      </p>
      <p>{report.summary}</p>
      {report.difficulties && (
        <p>
          <strong>Khó khăn:</strong> {report.difficulties}
        </p>
      )}
      {report.proposals && (
        <p>
          <strong>Kiến nghị:</strong> {report.proposals}
        </p>
      )}
      <h3>Minh chứng</h3>
      <EvidencePreview items={report.evidence} />
    </>
  );
}
