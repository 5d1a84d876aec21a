import { useState } from "react";
import { api } from "../api/client.js";
import { ErrorBox } from "./feedback.js";

/** A leader's approve / reject of one pending change request, with a comment. */
export function ChangeRequestDecision({ id, onDecided }: { id: number; onDecided: () => void }) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: "approve" | "reject") => {
    if (decision === "reject" && !comment.trim()) {
      setError(new Error("Nhập lý do khi không chấp thuận."));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/change-requests/${id}/decision`, {
        body: { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      });
      onDecided();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decision">
      <div className="field">
        <label htmlFor={`cr-comment-${id}`}>Ý kiến của lãnh đạo</label>
        <textarea
          id={`cr-comment-${id}`}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <ErrorBox error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void decide("approve")}>
          Chấp thuận
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => void decide("reject")}
        >
          Không chấp thuận
        </button>
      </div>
    </div>
  );
}
