import { useState } from "react";
import { api } from "../api/client.js";
import type { ReportView, ReportWithTask } from "../api/types.js";
import { ErrorBox } from "../components/feedback.js";
import { ReviewReport } from "../components/review-report.js";

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
      <ReviewReport report={report} titleId={titleId} />
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
