import { FEEDBACK_STATUS_LABELS, type FeedbackStatus } from "@giamsat/core";

/** The chip colour of each handling state: waiting on the monitoring department stands out. */
const TONE: Record<FeedbackStatus, string> = {
  received: "s-due_soon",
  routed: "s-in_time",
  answered: "s-due_soon",
  published: "s-done_on_time",
  rejected: "neutral",
  merged: "neutral",
};

export function FeedbackStatusChip({ status, overdue }: { status: string; overdue: boolean }) {
  const s = status as FeedbackStatus;
  if (overdue) return <span className="chip s-overdue">{FEEDBACK_STATUS_LABELS[s]} · quá hạn</span>;
  return (
    <span className={`chip ${TONE[s] ?? "neutral"}`}>{FEEDBACK_STATUS_LABELS[s] ?? status}</span>
  );
}
