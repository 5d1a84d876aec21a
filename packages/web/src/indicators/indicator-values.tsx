import { useState } from "react";
import { api } from "../api/client.js";
import { ErrorBox } from "../components/feedback.js";
import { formatDate } from "../format/date.format.js";
import { formatValue, VALUE_STATUS_LABELS } from "./indicator.format.js";
import type { IndicatorValue } from "./indicator.types.js";

/** A value waiting for review: accept, or return with a comment (the monitoring department). */
function ReviewButtons({ value, onDone }: { value: IndicatorValue; onDone: () => void }) {
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

/** Every value reported for an indicator, newest period first, with its review. */
export function IndicatorValues({
  values,
  unit,
  canReview,
  onChange,
}: {
  values: IndicatorValue[];
  unit: string | null;
  canReview: boolean;
  onChange: () => void;
}) {
  if (values.length === 0) return <p className="muted">Chưa có giá trị nào được báo cáo.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Kỳ</th>
            <th scope="col">Giá trị</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Ghi chú, minh chứng</th>
            <th scope="col">Người gửi</th>
            <th scope="col">Thẩm định</th>
          </tr>
        </thead>
        <tbody>
          {[...values].reverse().map((v) => (
            <tr key={v.id}>
              <td>{v.periodLabel}</td>
              <td>{formatValue(v.value, unit)}</td>
              <td>{VALUE_STATUS_LABELS[v.status]}</td>
              <td>
                {v.note}
                {v.evidence && <div className="muted small">{v.evidence}</div>}
              </td>
              <td>
                {v.submittedBy.name ?? ""}
                <div className="muted small">{formatDate(v.submittedBy.at.slice(0, 10))}</div>
              </td>
              <td>
                {v.reviewedBy ? (
                  <>
                    {v.reviewedBy.name ?? ""}
                    {v.reviewedBy.comment && (
                      <div className="muted small">{v.reviewedBy.comment}</div>
                    )}
                  </>
                ) : canReview && v.status === "submitted" ? (
                  <ReviewButtons value={v} onDone={onChange} />
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
