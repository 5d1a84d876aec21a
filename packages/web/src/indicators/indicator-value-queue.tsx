import { formatIndicatorPeriod } from "@giamsat/core";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox } from "../components/feedback.js";
import { formatDateTime } from "../format/date.format.js";
import { Link } from "../router/link.js";
import { formatValue } from "./indicator.format.js";
import type { PendingIndicatorValue } from "./indicator.types.js";
import { ValueFlags } from "./value-flags.js";
import { ValueReviewButtons } from "./value-review-buttons.js";

/**
 * The review queue's indicator values: each waiting value previewed with its indicator, the
 * previous accepted value and what to look at (a rate over 100%, far from its history), accepted
 * or returned in place.
 */
export function IndicatorValueQueue() {
  const queue = useResource("indicator-value-queue", (signal) =>
    api<{ items: PendingIndicatorValue[]; total: number }>("/api/indicator-values/pending", {
      signal,
    }),
  );
  const items = queue.data?.items ?? [];
  if (!queue.error && items.length === 0) return null;
  return (
    <section
      className="card value-queue-card"
      aria-labelledby="value-queue-title"
      data-testid="value-queue"
    >
      <h2 id="value-queue-title">Giá trị chỉ tiêu chờ thẩm định ({items.length})</h2>
      <ErrorBox error={queue.error} />
      <ul className="value-queue">
        {items.map((v) => (
          <li key={v.id}>
            <div className="value-queue-head">
              <Link to={`/chi-tieu/${v.indicator.id}`}>
                {v.indicator.planNumber ? `${v.indicator.planNumber} · ` : ""}
                Chỉ tiêu {v.indicator.number ?? ""}: {v.indicator.name}
              </Link>
              <span className="muted small">
                {v.indicator.responsible ?? ""} · gửi {formatDateTime(v.submittedBy.at)}
              </span>
            </div>
            <p>
              <strong>
                {v.periodLabel}: {formatValue(v.value, v.indicator.unit)}
              </strong>
              <span className="muted">
                {" "}
                —{" "}
                {v.previous
                  ? `trước đó ${formatIndicatorPeriod(v.previous.period)}: ${formatValue(v.previous.value, v.indicator.unit)}`
                  : "chưa có giá trị được chấp nhận trước kỳ này"}
              </span>
            </p>
            <ValueFlags flags={v.flags} />
            {(v.note || v.evidence) && (
              <p className="small">
                {v.note}
                {v.evidence && <span className="muted"> · Minh chứng: {v.evidence}</span>}
              </p>
            )}
            <ValueReviewButtons value={v} onDone={queue.reload} />
          </li>
        ))}
      </ul>
    </section>
  );
}
