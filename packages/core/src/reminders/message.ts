/**
 * A message as every channel receives it: a subject, plain text, HTML (escaped), and the
 * link it points to (relative to the site's address). Channels (in-app, e-mail, later SMS or
 * Zalo OA) choose what they use.
 */
import { escapeHtml } from "./escape-html.js";

export type NotificationKind =
  | "report_due"
  | "task_due"
  | "task_overdue"
  | "report_returned"
  | "report_accepted"
  | "signoff_requested"
  | "change_decided"
  | "review_digest"
  | "leader_digest"
  | "indicator_warning"
  | "feedback_due"
  | "personal_digest";

/** The kinds a user chooses channels for (the personal digest gathers the others). */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  "report_due",
  "task_due",
  "task_overdue",
  "report_returned",
  "report_accepted",
  "signoff_requested",
  "change_decided",
  "review_digest",
  "leader_digest",
  "indicator_warning",
  "feedback_due",
];

export const KIND_LABELS: Record<NotificationKind, string> = {
  report_due: "Nhắc hạn báo cáo",
  task_due: "Nhắc thời hạn nhiệm vụ",
  task_overdue: "Nhiệm vụ quá hạn (đôn đốc)",
  report_returned: "Báo cáo bị trả lại",
  report_accepted: "Báo cáo được chấp nhận",
  signoff_requested: "Báo cáo, đề xuất của cán bộ chờ ký duyệt",
  change_decided: "Đề nghị điều chỉnh đã được quyết định",
  review_digest: "Tổng hợp việc chờ duyệt (hằng ngày)",
  leader_digest: "Tổng hợp tuần cho lãnh đạo",
  indicator_warning: "Cảnh báo chỉ tiêu có nguy cơ / chậm tiến độ",
  feedback_due: "Nhắc hạn trả lời phản ánh, kiến nghị (PAKN)",
  personal_digest: "Thư tổng hợp thông báo hằng ngày",
};

/** Kinds whose e-mails a user may gather in one daily mail (the others are digests already). */
export const DIGESTIBLE_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter(
  (k) => k !== "review_digest" && k !== "leader_digest",
);

export type Message = {
  kind: NotificationKind;
  subject: string;
  text: string;
  html: string;
  /** a path inside the site, e.g. `/nhiem-vu/12` */
  link: string;
};

export type MessageLine = { text: string; link?: string };

/** Builds the text and HTML of a message from its paragraphs and a list of lines. */
export function composeMessage(
  kind: NotificationKind,
  subject: string,
  paragraphs: readonly string[],
  lines: readonly MessageLine[],
  link: string,
  siteUrl: string,
): Message {
  const url = (path: string) => `${siteUrl.replace(/\/$/, "")}${path}`;
  const text = [
    ...paragraphs,
    ...(lines.length
      ? ["", ...lines.map((l) => `- ${l.text}${l.link ? ` (${url(l.link)})` : ""}`)]
      : []),
    "",
    `Mở trong Giám sát: ${url(link)}`,
  ].join("\n");
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    lines.length
      ? `<ul>${lines
          .map((l) =>
            l.link
              ? `<li><a href="${escapeHtml(url(l.link))}">${escapeHtml(l.text)}</a></li>`
              : `<li>${escapeHtml(l.text)}</li>`,
          )
          .join("")}</ul>`
      : "",
    `<p><a href="${escapeHtml(url(link))}">Mở trong Giám sát</a></p>`,
  ].join("\n");
  return { kind, subject, text, html, link };
}
