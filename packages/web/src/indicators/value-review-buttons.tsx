import { useMemo, useState } from "react";
import { api } from "../api/client.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import type { IndicatorValue } from "./indicator.types.js";

/** A value waiting for review: accept, or return with a comment (the monitoring department). */
export function ValueReviewButtons({
  value,
  onDone,
}: {
  value: IndicatorValue;
  onDone: () => void;
}) {
  const [comment, setComment] = useState("");
  const commentId = `rv-${value.id}`;
  const fieldOf = useMemo(
    () => fieldsByPath({ comment: { id: commentId, label: "Ý kiến thẩm định" } }),
    [commentId],
  );
  const errors = useFormErrors(fieldOf);
  const decide = async (decision: "accept" | "return") => {
    errors.clear();
    try {
      await api(`/api/indicator-values/${value.id}/review`, {
        body: { decision, ...(comment.trim() ? { comment } : {}) },
      });
      onDone();
    } catch (err) {
      errors.show(err as Error);
    }
  };
  return (
    <div className="review-inline">
      <ErrorSummary errors={errors} />
      <label className="sr-only" htmlFor={commentId}>
        Ý kiến thẩm định
      </label>
      <input
        id={commentId}
        placeholder="Ý kiến (bắt buộc khi trả lại)"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        {...errors.field(commentId)}
      />
      <FieldError errors={errors} id={commentId} />
      <button type="button" onClick={() => void decide("accept")}>
        Chấp nhận
      </button>
      <button type="button" className="secondary" onClick={() => void decide("return")}>
        Trả lại
      </button>
    </div>
  );
}
