import { formatDate } from "../format/date.format.js";
import { formatValue, VALUE_STATUS_LABELS } from "./indicator.format.js";
import type { IndicatorValue } from "./indicator.types.js";
import { ValueReviewButtons } from "./value-review-buttons.js";
import { ValueFlags } from "./value-flags.js";

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
              <td>
                {formatValue(v.value, unit)}
                {v.status === "submitted" && <ValueFlags flags={v.flags} />}
              </td>
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
                  <ValueReviewButtons value={v} onDone={onChange} />
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
