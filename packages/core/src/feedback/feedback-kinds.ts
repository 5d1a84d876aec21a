/**
 * Public feedback (PAKN — phản ánh, kiến nghị, sáng kiến, giải pháp, đặt hàng; README "Public feedback"): what a visitor may send, the states a
 * submission goes through, and each kind's answer deadline in working days.
 */
export const FEEDBACK_KINDS = [
  "phan_anh",
  "kien_nghi",
  "sang_kien",
  "giai_phap",
  "dat_hang",
] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  phan_anh: "Phản ánh",
  kien_nghi: "Kiến nghị",
  sang_kien: "Sáng kiến",
  giai_phap: "Giải pháp",
  dat_hang: "Đặt hàng",
};

/** One line under the form's "Loại" that tells a visitor which kind to choose. */
export const FEEDBACK_KIND_HINTS: Record<FeedbackKind, string> = {
  phan_anh: "Báo cho cơ quan một việc chậm, chưa đúng hoặc một vướng mắc khi thực hiện.",
  kien_nghi: "Đề nghị cơ quan sửa đổi, bổ sung một quy định, cách làm hoặc nhiệm vụ.",
  sang_kien: "Một ý tưởng mới để thực hiện tốt hơn một nhiệm vụ của kế hoạch.",
  giai_phap: "Một giải pháp khoa học, công nghệ hoặc đổi mới sáng tạo đã có, đề xuất áp dụng.",
  dat_hang:
    "Một bài toán hay nhu cầu đề xuất Nhà nước đặt hàng nhà khoa học, doanh nghiệp giải quyết.",
};

/** Files one submission may carry (each within the evidence size limit, checked like evidence). */
export const FEEDBACK_MAX_FILES = 3;

/** Working days the unit has to answer, counted from the day the submission is routed. */
export const FEEDBACK_DEADLINE_DAYS: Record<FeedbackKind, number> = {
  phan_anh: 15,
  kien_nghi: 15,
  sang_kien: 15,
  giai_phap: 15,
  dat_hang: 15,
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
