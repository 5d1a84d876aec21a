/**
 * The notices of unit-head sign-off: to the head, and back to the staff. What
 * waits is a progress report of a period or a change request of a task (`SignoffSubject`).
 */
import { composeMessage, type Message } from "../reminders/message.js";
import { taskLine, type TaskRef } from "../reminders/reminder-messages.js";

/** The path of the unit head's "Chờ ký duyệt" list in the web app. */
export const SIGNOFF_PAGE = "/ky-duyet";

/** What waits for the head: a report of a period, or a change request of a kind. */
export type SignoffSubject =
  { item: "report"; periodLabel: string } | { item: "change_request"; kindLabel: string };

/** The Vietnamese kinds of change request, as a message names them. */
export const CHANGE_KIND_LABELS: Record<string, string> = {
  extend_deadline: "gia hạn",
  reassign: "giao lại đơn vị chủ trì",
  change_output: "thay đổi sản phẩm",
  cancel: "huỷ nhiệm vụ",
};

/** "Báo cáo" / "Đề xuất điều chỉnh" and its qualifier: "Tháng 2/2026", "gia hạn". */
function named(s: SignoffSubject): { noun: string; what: string } {
  return s.item === "report"
    ? { noun: "báo cáo", what: s.periodLabel }
    : { noun: "đề xuất điều chỉnh", what: s.kindLabel };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A staff member sent a report or change request that waits for the unit head. */
export function signoffRequestedMessage(
  input: { task: TaskRef; subject: SignoffSubject; staffName: string },
  siteUrl: string,
): Message {
  const { noun, what } = named(input.subject);
  return composeMessage(
    "signoff_requested",
    `${capital(noun)} chờ ký duyệt (${what}): ${taskLine(input.task)}`,
    [
      `${input.staffName} đã gửi ${noun} (${what}) của nhiệm vụ dưới đây.`,
      input.subject.item === "report"
        ? "Báo cáo chỉ được chuyển tới cơ quan theo dõi sau khi lãnh đạo đơn vị ký duyệt."
        : "Đề xuất chỉ được chuyển tới lãnh đạo quyết định sau khi lãnh đạo đơn vị ký duyệt.",
    ],
    [{ text: taskLine(input.task), link: `/nhiem-vu/${input.task.id}` }],
    SIGNOFF_PAGE,
    siteUrl,
  );
}

/** The unit head sent a report or change request back to its author, with the reason. */
export function signoffReturnedMessage(
  input: { task: TaskRef; subject: SignoffSubject; reason: string },
  siteUrl: string,
): Message {
  const { noun, what } = named(input.subject);
  const report = input.subject.item === "report";
  return composeMessage(
    report ? "report_returned" : "change_decided",
    `Lãnh đạo đơn vị trả lại ${noun} (${what}): ${taskLine(input.task)}`,
    [
      `Lãnh đạo đơn vị đã trả lại ${noun} (${what}) của nhiệm vụ dưới đây.`,
      `Lý do: ${input.reason}`,
      report ? "Vui lòng sửa và gửi lại báo cáo." : "Có thể sửa và gửi lại đề xuất.",
    ],
    [{ text: taskLine(input.task), link: `/nhiem-vu/${input.task.id}` }],
    report ? `/nhiem-vu/${input.task.id}/bao-cao` : `/nhiem-vu/${input.task.id}`,
    siteUrl,
  );
}
