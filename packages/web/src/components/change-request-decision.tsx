import { useMemo, useState } from "react";
import { api } from "../api/client.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldProblem, fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

/** A leader's approve / reject of one pending change request, with a comment. */
export function ChangeRequestDecision({ id, onDecided }: { id: number; onDecided: () => void }) {
  const [comment, setComment] = useState("");
  const commentId = `cr-comment-${id}`;
  const fieldOf = useMemo(
    () => fieldsByPath({ comment: { id: commentId, label: "Ý kiến của lãnh đạo" } }),
    [commentId],
  );
  const errors = useFormErrors(fieldOf);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: "approve" | "reject") => {
    if (decision === "reject" && !comment.trim()) {
      errors.show(fieldProblem("comment", "Nhập lý do khi không chấp thuận."));
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      await api(`/api/change-requests/${id}/decision`, {
        body: { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      });
      onDecided();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decision">
      <ErrorSummary errors={errors} />
      <div className="field">
        <label htmlFor={commentId}>Ý kiến của lãnh đạo</label>
        <textarea
          id={commentId}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          {...errors.field(commentId)}
        />
        <FieldError errors={errors} id={commentId} />
      </div>
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
