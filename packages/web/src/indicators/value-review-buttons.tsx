import { useState } from "react";
import { api } from "../api/client.js";
import { ErrorBox } from "../components/feedback.js";
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
  const [error, setError] = useState<Error | null>(null);
  const decide = async (decision: "accept" | "return") => {
    setError(null);
    try {
      await api(`/api/indicator-values/${value.id}/review`, {
        body: { decision, ...(comment.trim() ? { comment } : {}) },
      });
      onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <div className="review-inline">
      <ErrorBox error={error} />
      <label className="sr-only" htmlFor={`rv-${value.id}`}>
        Ý kiến thẩm định
      </label>
      <input
        id={`rv-${value.id}`}
        placeholder="Ý kiến (bắt buộc khi trả lại)"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="button" onClick={() => void decide("accept")}>
        Chấp nhận
      </button>
      <button type="button" className="secondary" onClick={() => void decide("return")}>
        Trả lại
      </button>
    </div>
  );
}
