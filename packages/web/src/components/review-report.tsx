import { formatPeriodKey } from "@giamsat/core";
import type { ReportWithTask } from "../api/types.js";
import { formatDate, formatDateTime } from "../format/date.format.js";
import { REPORT_STATE_LABELS } from "../format/status.format.js";
import { Link } from "../router/link.js";
import { EvidencePreview } from "./evidence-preview.js";
import { ReportText } from "./report-text.js";

/**
 * One report as the reviewer (or the unit head signing it off) reads it: task, period, text and
 * evidence; `titleId` names the heading for the region around it.
 */
export function ReviewReport({
  report,
  titleId = "review-title",
}: {
  report: ReportWithTask;
  titleId?: string;
}) {
  return (
    <>
      <h2 id={titleId} tabIndex={-1}>
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
      <ReportText report={report} />
      <h3>Minh chứng</h3>
      <EvidencePreview items={report.evidence} />
    </>
  );
}
