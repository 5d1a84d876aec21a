import { useState } from "react";
import { api } from "../api/client.js";
import type { ReportView, ReportWithTask } from "../api/types.js";
import { EvidenceList } from "../components/evidence-list.js";
import { ErrorBox } from "../components/feedback.js";
import { formatDate, formatDateTime } from "../format/date.format.js";
import { REPORT_STATE_LABELS } from "../format/status.format.js";
import { Link } from "../router/link.js";

type Decision = "approve" | "return";

/** One staff report waiting for the unit head: its text and evidence, approve or return it. */
export function SignoffCard({
  report,
  onDecided,
}: {
  report: ReportWithTask;
  onDecided: (report: ReportView, decision: Decision) => void;
}) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const titleId = `signoff-${report.id}-title`;
  const decide = async (decision: Decision) => {
    setBusy(true);
    setError(null);
    try {
      const body = decision === "return" ? { decision, reason: reason.trim() } : { decision };
      onDecided(await api<ReportView>(`/api/reports/${report.id}/signoff`, { body }), decision);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="card signoff-card" aria-labelledby={titleId} data-report={report.id}>
      <h2 id={titleId}>
        <Link to={`/nhiem-vu/${report.task.id}`}>
          {report.task.number ? `Nhiệm vụ ${report.task.number}: ` : ""}
          {report.task.name}
        </Link>
      </h2>
      <p>
        <strong>{report.periodLabel}</strong> · {REPORT_STATE_LABELS[report.state] ?? report.state}
        {report.progress !== null ? ` · ${report.progress}%` : ""}
        {report.completedOn ? ` · hoàn thành ngày ${formatDate(report.completedOn)}` : ""}
        {report.supersedesId ? ` · gửi lại thay báo cáo số ${report.supersedesId}` : ""}
      </p>
      <p className="muted">
        Báo cáo số {report.id} · {report.submittedBy.name ?? ""} · gửi lúc{" "}
        {formatDateTime(report.submittedAt)}
      </p>
      <p>{report.summary}</p>
      {report.difficulties && (
        <p>
          <strong>Khó khăn, vướng mắc:</strong> {report.difficulties}
        </p>
      )}
      {report.proposals && (
        <p>
          <strong>Đề xuất, kiến nghị:</strong> {report.proposals}
        </p>
      )}
      <EvidenceList items={report.evidence} />
      <ErrorBox error={error} />
      <div className="field">
        <label htmlFor={`signoff-${report.id}-reason`}>Lý do trả lại (bắt buộc khi trả lại)</label>
        <textarea
          id={`signoff-${report.id}-reason`}
          rows={2}
          maxLength={5000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void decide("approve")}>
          Ký duyệt, chuyển cơ quan theo dõi
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void decide("return")}
        >
          Trả lại cán bộ
        </button>
      </div>
    </article>
  );
}
