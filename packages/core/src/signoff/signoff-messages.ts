/** The notices of unit-head sign-off (issue 9, point 6): to the head, and back to the staff. */
import { composeMessage, type Message } from "../reminders/message.js";
import { taskLine, type TaskRef } from "../reminders/reminder-messages.js";

/** The path of the unit head's "Chờ ký duyệt" list in the web app. */
export const SIGNOFF_PAGE = "/ky-duyet";

/** A staff member sent a report that waits for the unit head. */
export function signoffRequestedMessage(
  input: { task: TaskRef; periodLabel: string; staffName: string },
  siteUrl: string,
): Message {
  return composeMessage(
    "signoff_requested",
    `Báo cáo chờ ký duyệt (${input.periodLabel}): ${taskLine(input.task)}`,
    [
      `${input.staffName} đã gửi báo cáo ${input.periodLabel} của nhiệm vụ dưới đây.`,
      "Báo cáo chỉ được chuyển tới cơ quan theo dõi sau khi lãnh đạo đơn vị ký duyệt.",
    ],
    [{ text: taskLine(input.task), link: `/nhiem-vu/${input.task.id}` }],
    SIGNOFF_PAGE,
    siteUrl,
  );
}

/** The unit head sent a report back to the staff member who wrote it, with the reason. */
export function signoffReturnedMessage(
  input: { task: TaskRef; periodLabel: string; reason: string },
  siteUrl: string,
): Message {
  return composeMessage(
    "report_returned",
    `Lãnh đạo đơn vị trả lại báo cáo (${input.periodLabel}): ${taskLine(input.task)}`,
    [
      `Lãnh đạo đơn vị đã trả lại báo cáo ${input.periodLabel} của nhiệm vụ dưới đây.`,
      `Lý do: ${input.reason}`,
      "Vui lòng sửa và gửi lại báo cáo.",
    ],
    [{ text: taskLine(input.task), link: `/nhiem-vu/${input.task.id}` }],
    `/nhiem-vu/${input.task.id}/bao-cao`,
    siteUrl,
  );
}
