/**
 * The daily run's PAKN reminders: to the responsible unit before the answer deadline, and when
 * it has passed unanswered, to the unit's head and the monitoring department (escalation).
 */
import { formatDate } from "../status/date.format.js";
import { composeMessage, type Message } from "../reminders/message.js";
import { FEEDBACK_KIND_LABELS, type FeedbackKind } from "./feedback-kinds.js";

export type FeedbackReminderStep = "due" | "overdue";

export function feedbackReminderMessage(
  input: {
    step: FeedbackReminderStep;
    feedback: { id: number; code: string; kind: string; title: string; deadline: string };
    unitName: string;
    asOf: string;
  },
  siteUrl: string,
): Message {
  const f = input.feedback;
  const kind = FEEDBACK_KIND_LABELS[f.kind as FeedbackKind] ?? f.kind;
  const link = `/xu-ly-gop-y/${f.id}`;
  const due = formatDate(f.deadline);
  return input.step === "due"
    ? composeMessage(
        "feedback_due",
        `Sắp đến hạn trả lời ${kind.toLowerCase()} ${f.code} (hạn ${due})`,
        [
          `Kính gửi ${input.unitName},`,
          `${kind} ${f.code} được chuyển đến đơn vị cần trả lời trước hết ngày ${due}.`,
        ],
        [{ text: f.title, link }],
        link,
        siteUrl,
      )
    : composeMessage(
        "feedback_due",
        `Quá hạn trả lời ${kind.toLowerCase()} ${f.code} (hạn ${due})`,
        [
          `Kính gửi lãnh đạo ${input.unitName} và bộ phận theo dõi,`,
          `${kind} ${f.code} đã quá hạn trả lời (hạn ${due}, đến ngày ${formatDate(input.asOf)} đơn vị chưa trả lời).`,
        ],
        [{ text: f.title, link }],
        link,
        siteUrl,
      );
}
