/**
 * Public feedback (PAKN — phản ánh, kiến nghị; README "Public feedback"): what a visitor may send, the states a
 * submission goes through, and each kind's answer deadline in working days.
 */
export const FEEDBACK_KINDS = ["gop_y", "phan_anh", "kien_nghi"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  gop_y: "Góp ý",
  phan_anh: "Phản ánh",
  kien_nghi: "Kiến nghị",
};

/** Files one submission may carry (each within the evidence size limit, checked like evidence). */
export const FEEDBACK_MAX_FILES = 3;

/** Working days the unit has to answer, counted from the day the submission is routed. */
export const FEEDBACK_DEADLINE_DAYS: Record<FeedbackKind, number> = {
  gop_y: 15,
  phan_anh: 15,
  kien_nghi: 15,
};

/**
 * received → routed (to a unit, with a deadline) → answered (the unit's draft) → published (the
 * monitoring department approves) — or returned to routed; received → rejected (with a reason);
 * received or routed → merged (a duplicate, answered once by the submission it joins).
 */
export const FEEDBACK_STATUSES = [
  "received",
  "routed",
  "answered",
  "published",
  "rejected",
  "merged",
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  received: "Đã tiếp nhận",
  routed: "Đã chuyển đơn vị xử lý",
  answered: "Đơn vị đã trả lời, chờ duyệt",
  published: "Đã có trả lời",
  rejected: "Không tiếp nhận",
  merged: "Đã gộp với góp ý cùng nội dung",
};

const NEXT: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  received: ["routed", "rejected", "merged"],
  routed: ["routed", "answered", "merged"],
  answered: ["published", "routed"],
  published: [],
  rejected: [],
  merged: [],
};

export function canMoveFeedback(from: FeedbackStatus, to: FeedbackStatus): boolean {
  return NEXT[from].includes(to);
}

/** Routed to a unit and still unanswered after its deadline (`today` is the Vietnam day). */
export function isFeedbackOverdue(
  status: FeedbackStatus,
  deadline: string | null,
  today: string,
): boolean {
  return status === "routed" && deadline !== null && deadline < today;
}
