/**
 * One user's daily mail gathering the notices they chose to receive as a digest instead of one
 * mail each: their subjects, each with its link.
 */
import { formatDate } from "../status/date.format.js";
import { composeMessage, type Message } from "./message.js";

const MAX_LINES = 100;

export function personalDigestMessage(
  input: { day: string; items: readonly { subject: string; link: string }[] },
  siteUrl: string,
): Message {
  const n = input.items.length;
  const shown = input.items.slice(0, MAX_LINES).map((i) => ({ text: i.subject, link: i.link }));
  const lines =
    n > MAX_LINES ? [...shown, { text: `… và ${n - MAX_LINES} thông báo khác` }] : shown;
  return composeMessage(
    "personal_digest",
    `Tổng hợp ${n} thông báo (${formatDate(input.day)})`,
    [`Các thông báo bạn chọn nhận gộp trong một thư mỗi ngày, đến ngày ${formatDate(input.day)}:`],
    lines,
    "/thong-bao",
    siteUrl,
  );
}
