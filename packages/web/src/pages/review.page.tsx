import { useEffect, useRef, useState } from "react";
import { api } from "../api/client.js";
import type { Page, ReportWithTask } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Empty, Loading } from "../components/feedback.js";
import { EvidencePreview } from "../components/evidence-preview.js";
import { formatDate, formatDateTime } from "../format/date.format.js";
import { REPORT_STATE_LABELS } from "../format/status.format.js";
import { Link } from "../router/link.js";

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable);

/** The monitoring department's queue: submitted reports, oldest first; j/k move, a accepts, r returns. */
export function ReviewPage() {
  const queue = useResource("review-queue", (signal) =>
    api<Page<ReportWithTask>>("/api/reports", {
      query: { status: "submitted", limit: 200 },
      signal,
    }),
  );
  const [index, setIndex] = useState(0);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const items = [...(queue.data?.items ?? [])].sort((a, b) =>
    a.submittedAt.localeCompare(b.submittedAt),
  );
  const current = items[Math.min(index, items.length - 1)];

  const decide = async (decision: "accept" | "return") => {
    if (!current || busy) return;
    if (decision === "return" && !comment.trim()) {
      setError(new Error("Nhập lý do trả lại để đơn vị biết cần bổ sung gì."));
      commentRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/reports/${current.id}/review`, {
        body: { decision, comment: comment.trim() || undefined },
      });
      setDone(
        `${decision === "accept" ? "Đã chấp nhận" : "Đã trả lại"} báo cáo nhiệm vụ ${current.task.number ?? ""}.`,
      );
      setComment("");
      queue.reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") setIndex((i) => Math.min(i + 1, Math.max(items.length - 1, 0)));
    else if (e.key === "k") setIndex((i) => Math.max(i - 1, 0));
    else if (e.key === "a") void decide("accept");
    else if (e.key === "r") {
      e.preventDefault();
      commentRef.current?.focus();
    } else return;
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Duyệt báo cáo</h1>
          <p className="subtitle">
            {queue.data ? `${items.length} báo cáo chờ duyệt, cũ nhất trước` : ""}
          </p>
        </div>
        <p className="kbd-help">
          Phím tắt: <kbd>j</kbd>/<kbd>k</kbd> báo cáo sau/trước · <kbd>a</kbd> chấp nhận ·{" "}
          <kbd>r</kbd> nhập lý do trả lại
        </p>
      </div>
      {done && (
        <p className="alert success" role="status">
          {done}
        </p>
      )}
      <ErrorBox error={queue.error} />
      {queue.loading && !queue.data && <Loading />}
      {queue.data && items.length === 0 && <Empty>Không còn báo cáo nào chờ duyệt.</Empty>}
      {current && (
        <div className="queue">
          <ol className="queue-list" aria-label="Báo cáo chờ duyệt">
            {items.map((r, i) => (
              <li key={r.id} className={r.id === current.id ? "current" : undefined}>
                <button
                  type="button"
                  aria-current={r.id === current.id ? "true" : undefined}
                  onClick={() => setIndex(i)}
                >
                  <strong>
                    {r.task.planNumber ? `${r.task.planNumber} · ` : ""}
                    {r.task.number ? `NV ${r.task.number}` : "Nhiệm vụ"}
                  </strong>{" "}
                  — {r.orgName ?? ""}
                  <br />
                  <span className="muted">Gửi {formatDateTime(r.submittedAt)}</span>
                </button>
              </li>
            ))}
          </ol>
          <article className="card" aria-labelledby="review-title" data-testid="review-current">
            <h2 id="review-title">
              <Link to={`/nhiem-vu/${current.task.id}`}>
                {current.task.number ? `Nhiệm vụ ${current.task.number}: ` : ""}
                {current.task.name}
              </Link>
            </h2>
            <p>
              <strong>Kỳ {current.period}</strong> ·{" "}
              {REPORT_STATE_LABELS[current.state] ?? current.state}
              {current.progress !== null ? ` · ${current.progress}%` : ""}
              {current.completedOn ? ` · hoàn thành ngày ${formatDate(current.completedOn)}` : ""}
            </p>
            <p className="muted">
              {current.orgName ?? ""}{" "}
              {current.submittedBy.name ? `· ${current.submittedBy.name}` : ""} ·{" "}
              {formatDateTime(current.submittedAt)}
            </p>
            <p>{current.summary}</p>
            {current.difficulties && (
              <p>
                <strong>Khó khăn:</strong> {current.difficulties}
              </p>
            )}
            {current.proposals && (
              <p>
                <strong>Kiến nghị:</strong> {current.proposals}
              </p>
            )}
            <h3>Minh chứng</h3>
            <EvidencePreview items={current.evidence} />
            <div className="field">
              <label htmlFor="review-comment">Nhận xét (bắt buộc khi trả lại)</label>
              <textarea
                id="review-comment"
                ref={commentRef}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
            <ErrorBox error={error} />
            <div className="actions">
              <button type="button" disabled={busy} onClick={() => void decide("accept")}>
                Chấp nhận
              </button>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => void decide("return")}
              >
                Trả lại
              </button>
            </div>
          </article>
        </div>
      )}
    </>
  );
}
