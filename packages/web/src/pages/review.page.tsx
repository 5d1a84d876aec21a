import { useEffect, useRef, useState } from "react";
import { api } from "../api/client.js";
import type { ReportWithTask } from "../api/types.js";
import { waitingLabel, type QueuePage } from "../format/queue.format.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Empty, Loading, StatusRegion } from "../components/feedback.js";
import { PendingLinksLink } from "../components/pending-links-link.js";
import { ReviewBulkBar } from "../components/review-bulk-bar.js";
import {
  NO_REVIEW_FILTER,
  ReviewFilters,
  type ReviewFilter,
} from "../components/review-filters.js";
import { ReviewReport } from "../components/review-report.js";
import { formatDateTime } from "../format/date.format.js";
import { formatPeriodKey } from "@giamsat/core";
import { IndicatorValueQueue } from "../indicators/indicator-value-queue.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldProblem, fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

type Decision = "accept" | "return";

const fieldOf = fieldsByPath({ comment: { id: "review-comment", label: "Nhận xét" } });

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable);

const DECIDED: Record<Decision, string> = { accept: "Đã chấp nhận", return: "Đã trả lại" };
const ASK: Record<Decision, string> = { accept: "Chấp nhận", return: "Trả lại" };

const taskLabel = (r: ReportWithTask) =>
  `${r.task.number ? `nhiệm vụ ${r.task.number}` : "nhiệm vụ"} (${formatPeriodKey(r.period)})`;

/** "báo cáo số 12, nhiệm vụ 3 (Tháng 5/2026)", or "3 báo cáo (số 12, 13, 14)" */
const reportsLabel = (reports: ReportWithTask[]) =>
  reports.length === 1
    ? `báo cáo số ${reports[0]!.id}, ${taskLabel(reports[0]!)}`
    : `${reports.length} báo cáo (số ${reports.map((r) => r.id).join(", ")})`;

/**
 * The monitoring department's queue: submitted reports, oldest first. j/k move between reports;
 * a decision is a button, or Alt+Shift+A / Alt+Shift+R followed by a visible confirmation — never
 * a single key, which people typing Vietnamese with Telex press all the time. The last decision
 * can be undone for a short while (the server keeps the window and audits the undo). Reports
 * ticked in the list are accepted together (ReviewBulkBar).
 */
export function ReviewPage() {
  const [filter, setFilter] = useState<ReviewFilter>(NO_REVIEW_FILTER);
  const { org, ...rest } = filter;
  const query = { status: "submitted", limit: 200, ...rest, org: org?.id };
  const queue = useResource(`review-queue ${JSON.stringify(filter)}`, (signal) =>
    api<QueuePage>("/api/reports", { query, signal }),
  );
  const [index, setIndex] = useState(0);
  const [comment, setComment] = useState("");
  // a decision's errors sit on the comment field; a failed undo above the queue
  const errors = useFormErrors(fieldOf);
  const [undoError, setUndoError] = useState<Error | null>(null);
  const [last, setLast] = useState<{ reports: ReportWithTask[]; decision: Decision } | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // after a decision its buttons are gone: the keyboard goes to the next report's heading (or,
  // the queue empty, the page's) once the queue has reloaded
  const [decided, setDecided] = useState(0);
  // after a bulk accept its bar is gone: the keyboard goes to the result (with its "Hoàn tác")
  const [bulkAccepted, setBulkAccepted] = useState(0);
  const items = [...(queue.data?.items ?? [])].sort((a, b) =>
    a.submittedAt.localeCompare(b.submittedAt),
  );
  const current = items[Math.min(index, items.length - 1)];
  const chosen = items.filter((r) => ticked.has(r.id));
  const tick = (id: number, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const currentId = current?.id;
  // another report: the errors were about the one before
  const clearErrors = errors.clear;
  useEffect(clearErrors, [currentId, clearErrors]);
  useEffect(() => {
    if (!decided || queue.loading) return;
    (document.getElementById("review-title") ?? document.getElementById("review-h1"))?.focus();
  }, [decided, queue.loading, currentId]);

  const decide = async (decision: Decision) => {
    setConfirming(null);
    if (!current || busy) return;
    if (decision === "return" && !comment.trim()) {
      errors.show(fieldProblem("comment", "Nhập lý do trả lại để đơn vị biết cần bổ sung gì."));
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      await api(`/api/reports/${current.id}/review`, {
        body: { decision, comment: comment.trim() || undefined },
      });
      setLast({ reports: [current], decision });
      setComment("");
      setDecided((n) => n + 1);
      queue.reload();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (!last || busy) return;
    setBusy(true);
    setUndoError(null);
    try {
      for (const r of last.reports)
        await api(`/api/reports/${r.id}/review/undo`, { method: "POST" });
      setLast(null);
      queue.reload();
    } catch (e) {
      setUndoError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (e.key === "Escape" && confirming) {
      setConfirming(null);
      return;
    }
    // a decision needs Alt+Shift and a confirmation; e.code keeps it layout-independent
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) {
      if (e.code === "KeyA") {
        e.preventDefault();
        setConfirming("accept");
      } else if (e.code === "KeyR") {
        e.preventDefault();
        if (comment.trim()) setConfirming("return");
        else commentRef.current?.focus();
      }
      return;
    }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey || confirming) return;
    if (e.key === "j") setIndex((i) => Math.min(i + 1, Math.max(items.length - 1, 0)));
    else if (e.key === "k") setIndex((i) => Math.max(i - 1, 0));
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
          <h1 id="review-h1" tabIndex={-1}>
            Duyệt báo cáo
          </h1>
          <p className="subtitle">
            {queue.data ? `${waitingLabel(queue.data, items.length)} · ` : ""}
            <PendingLinksLink />
          </p>
        </div>
        <p className="kbd-help">
          Phím tắt: <kbd>j</kbd>/<kbd>k</kbd> báo cáo sau/trước · <kbd>Alt</kbd>+<kbd>Shift</kbd>+
          <kbd>A</kbd> chấp nhận · <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd> trả lại (đều hỏi xác
          nhận)
        </p>
      </div>
      <ReviewFilters
        value={filter}
        onChange={(next) => {
          setFilter(next);
          setIndex(0);
        }}
      />
      <StatusRegion focusOn={bulkAccepted}>
        {last && (
          <div className="alert success undo-bar">
            <span>
              {DECIDED[last.decision]} {reportsLabel(last.reports)}.
            </span>
            <button type="button" className="secondary" disabled={busy} onClick={() => void undo()}>
              Hoàn tác
            </button>
          </div>
        )}
      </StatusRegion>
      <ErrorBox error={undoError} />
      <IndicatorValueQueue />
      <ErrorBox error={queue.error} />
      {queue.loading && !queue.data && <Loading />}
      {queue.data && items.length === 0 && (
        <Empty>
          {filter.plan || filter.kind || filter.period || filter.org
            ? "Không có báo cáo nào chờ duyệt khớp bộ lọc."
            : "Không còn báo cáo nào chờ duyệt."}
        </Empty>
      )}
      <ReviewBulkBar
        chosen={chosen}
        onClear={() => setTicked(new Set())}
        onAccepted={(reports) => {
          setLast({ reports, decision: "accept" });
          setDecided(0);
          setBulkAccepted((n) => n + 1);
          setTicked(new Set());
          queue.reload();
        }}
      />
      {current && (
        <div className="queue">
          <ol className="queue-list" aria-label="Báo cáo chờ duyệt">
            <li className="queue-tick-all">
              <label>
                <input
                  type="checkbox"
                  checked={chosen.length === items.length}
                  onChange={(e) =>
                    setTicked(new Set(e.target.checked ? items.map((r) => r.id) : []))
                  }
                />{" "}
                Chọn cả {items.length} báo cáo
              </label>
            </li>
            {items.map((r, i) => (
              <li key={r.id} className={r.id === current.id ? "current" : undefined}>
                <input
                  type="checkbox"
                  aria-label={`Chọn báo cáo số ${r.id}`}
                  checked={ticked.has(r.id)}
                  onChange={(e) => tick(r.id, e.target.checked)}
                />
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
                  <span className="muted">
                    {formatPeriodKey(r.period)} · gửi {formatDateTime(r.submittedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <article className="card" aria-labelledby="review-title" data-testid="review-current">
            <ReviewReport report={current} />
            <ErrorSummary errors={errors} />
            <div className="field">
              <label htmlFor="review-comment">Nhận xét (bắt buộc khi trả lại)</label>
              <textarea
                id="review-comment"
                ref={commentRef}
                value={comment}
                onChange={(e) => {
                  setComment(e.target.value);
                  if (errors.messageOf("review-comment")) errors.clear();
                }}
                {...errors.field("review-comment")}
              />
              <FieldError errors={errors} id="review-comment" />
            </div>
            {confirming ? (
              <div className="alert confirm" role="alertdialog" aria-label="Xác nhận quyết định">
                <p>
                  {ASK[confirming]} báo cáo số {current.id}, {taskLabel(current)}?
                </p>
                <div className="actions">
                  <button
                    type="button"
                    ref={confirmRef}
                    className={confirming === "return" ? "danger" : undefined}
                    disabled={busy}
                    onClick={() => void decide(confirming)}
                  >
                    Xác nhận {ASK[confirming].toLowerCase()}
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                    Huỷ (Esc)
                  </button>
                </div>
              </div>
            ) : (
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
            )}
          </article>
        </div>
      )}
    </>
  );
}
