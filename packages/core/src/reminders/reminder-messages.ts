/** The Vietnamese texts of reminders and event notifications (pure: data in, Message out). */
import { formatDate, formatPeriodKey } from "../status/date.format.js";
import type { Period } from "../status/reporting-calendar.js";
import { composeMessage, type Message } from "./message.js";

export type TaskRef = { id: number; number: string | null; name: string };

export const taskLine = (t: TaskRef) =>
  `${t.number ? `${t.number}. ` : ""}${t.name.replace(/\s+/g, " ")}`;
const MAX_LINES = 50;

function taskLines(tasks: readonly TaskRef[], suffix: string) {
  const shown = tasks.slice(0, MAX_LINES).map((t) => ({
    text: taskLine(t),
    link: `/nhiem-vu/${t.id}${suffix}`,
  }));
  const more = tasks.length - shown.length;
  return more > 0 ? [...shown, { text: `… và ${more} nhiệm vụ khác` }] : shown;
}

/** What a report-day reminder says, but its task list. */
export type ReportDueInput = {
  planLabel: string;
  unitName: string;
  period: Period;
  reportDay: string;
  daysBefore: number;
};

/** A report-day reminder's subject and link (known before its task list is rendered). */
export function reportDueHeader(input: ReportDueInput): Pick<Message, "kind" | "subject" | "link"> {
  const day = formatDate(input.reportDay);
  return {
    kind: "report_due",
    subject: `Nhắc báo cáo ${input.period.label}: hạn trước ngày ${day} (còn ${input.daysBefore} ngày làm việc)`,
    link: "/don-vi",
  };
}

export function reportDueMessage(
  input: ReportDueInput & { tasks: readonly TaskRef[] },
  siteUrl: string,
): Message {
  const day = formatDate(input.reportDay);
  const header = reportDueHeader(input);
  return composeMessage(
    header.kind,
    header.subject,
    [
      `Kính gửi ${input.unitName},`,
      `Theo ${input.planLabel}, đơn vị gửi báo cáo tiến độ ${input.period.label} trước ngày ${day}. Còn ${input.daysBefore} ngày làm việc; đơn vị chưa gửi báo cáo cho ${input.tasks.length} nhiệm vụ dưới đây.`,
      "Nhiệm vụ không có gì mới trong kỳ: chọn “Không phát sinh” trên mẫu báo cáo.",
    ],
    // the report form opened on the reminded period
    taskLines(input.tasks, `/bao-cao?ky=${input.period.key}`),
    header.link,
    siteUrl,
  );
}

export function taskDueMessage(
  input: { unitName: string; task: TaskRef; due: string; daysBefore: number },
  siteUrl: string,
): Message {
  const due = formatDate(input.due);
  return composeMessage(
    "task_due",
    `Sắp đến hạn (${due}): ${taskLine(input.task)}`,
    [
      `Kính gửi ${input.unitName},`,
      `Nhiệm vụ do đơn vị chủ trì có thời hạn ${due}, còn ${input.daysBefore} ngày.`,
    ],
    [{ text: taskLine(input.task), link: `/nhiem-vu/${input.task.id}` }],
    `/nhiem-vu/${input.task.id}/bao-cao`,
    siteUrl,
  );
}

export function taskOverdueMessage(
  input: { unitName: string; task: TaskRef; due: string; daysLate: number; step: number },
  siteUrl: string,
): Message {
  const due = formatDate(input.due);
  const escalated =
    input.step === 0
      ? []
      : input.step === 1
        ? ["Đây là lần nhắc thứ hai; thư được gửi tới lãnh đạo đơn vị."]
        : [`Đây là lần nhắc thứ ${input.step + 1}; thư được gửi tới cơ quan theo dõi và lãnh đạo.`];
  return composeMessage(
    "task_overdue",
    `Quá hạn ${input.daysLate} ngày: ${taskLine(input.task)}`,
    [
      `Nhiệm vụ do ${input.unitName} chủ trì đã quá thời hạn ${due} (${input.daysLate} ngày) mà chưa có báo cáo hoàn thành được chấp nhận.`,
      ...escalated,
    ],
    [{ text: taskLine(input.task), link: `/nhiem-vu/${input.task.id}` }],
    `/nhiem-vu/${input.task.id}/bao-cao`,
    siteUrl,
  );
}

export function reportReviewedMessage(
  input: {
    task: TaskRef;
    periodLabel: string;
    decision: "accept" | "return";
    comment: string | null;
  },
  siteUrl: string,
): Message {
  const returned = input.decision === "return";
  return composeMessage(
    returned ? "report_returned" : "report_accepted",
    `${returned ? "Báo cáo bị trả lại" : "Báo cáo được chấp nhận"} (${input.periodLabel}): ${taskLine(input.task)}`,
    [
      returned
        ? `Cơ quan theo dõi đã trả lại báo cáo ${input.periodLabel} của nhiệm vụ dưới đây.`
        : `Cơ quan theo dõi đã chấp nhận báo cáo ${input.periodLabel} của nhiệm vụ dưới đây.`,
      ...(input.comment ? [`Ý kiến: ${input.comment}`] : []),
      ...(returned ? ["Vui lòng gửi báo cáo bổ sung, sửa đổi."] : []),
    ],
    [{ text: taskLine(input.task), link: `/nhiem-vu/${input.task.id}` }],
    returned ? `/nhiem-vu/${input.task.id}/bao-cao` : `/nhiem-vu/${input.task.id}`,
    siteUrl,
  );
}

export function changeDecidedMessage(
  input: { task: TaskRef; approved: boolean; comment: string | null },
  siteUrl: string,
): Message {
  return composeMessage(
    "change_decided",
    `Đề nghị điều chỉnh ${input.approved ? "được chấp thuận" : "không được chấp thuận"}: ${taskLine(input.task)}`,
    [
      `Lãnh đạo đã ${input.approved ? "chấp thuận" : "không chấp thuận"} đề nghị điều chỉnh nhiệm vụ dưới đây.`,
      ...(input.comment ? [`Ý kiến: ${input.comment}`] : []),
    ],
    [{ text: taskLine(input.task), link: `/nhiem-vu/${input.task.id}` }],
    `/nhiem-vu/${input.task.id}`,
    siteUrl,
  );
}

/** An indicator value waiting for review, as the review digest lists it. */
export type WaitingValue = TaskRef & { unitName: string; period: string };

export function reviewDigestMessage(
  input: {
    day: string;
    total: number;
    waiting: readonly (TaskRef & { unitName: string })[];
    values: { total: number; waiting: readonly WaitingValue[] };
  },
  siteUrl: string,
): Message {
  const counts = [
    ...(input.total ? [`${input.total} báo cáo`] : []),
    ...(input.values.total ? [`${input.values.total} số liệu chỉ tiêu`] : []),
  ];
  const reports = input.waiting
    .slice(0, MAX_LINES)
    .map((t) => ({ text: `${t.unitName}: ${taskLine(t)}`, link: `/nhiem-vu/${t.id}` }));
  const values = input.values.waiting.slice(0, MAX_LINES).map((v) => ({
    text: `${v.unitName}: Chỉ tiêu ${taskLine(v)} — ${formatPeriodKey(v.period)}`,
    link: `/chi-tieu/${v.id}`,
  }));
  return composeMessage(
    "review_digest",
    `${counts.join(", ")} đang chờ duyệt (${formatDate(input.day)})`,
    [`Dưới đây là ${counts.join(" và ")} đã gửi, đang chờ cơ quan theo dõi xem xét.`],
    [...reports, ...values],
    "/duyet",
    siteUrl,
  );
}

export type DigestTask = TaskRef & { unitName: string };

export function leaderDigestMessage(
  input: {
    from: string;
    to: string;
    newlyOverdue: { total: number; tasks: readonly DigestTask[] };
    completed: { total: number; tasks: readonly DigestTask[] };
    lateUnits: readonly { unitName: string; overdue: number }[];
  },
  siteUrl: string,
): Message {
  const span = `${formatDate(input.from)}–${formatDate(input.to)}`;
  const lines = (tasks: readonly DigestTask[]) =>
    tasks
      .slice(0, 20)
      .map((t) => ({ text: `${t.unitName}: ${taskLine(t)}`, link: `/nhiem-vu/${t.id}` }));
  return composeMessage(
    "leader_digest",
    `Tổng hợp tuần ${span}: ${input.newlyOverdue.total} nhiệm vụ mới quá hạn, ${input.completed.total} hoàn thành`,
    [
      `Trong tuần ${span}: ${input.newlyOverdue.total} nhiệm vụ chuyển sang quá hạn, ${input.completed.total} nhiệm vụ được xác nhận hoàn thành.`,
      input.lateUnits.length
        ? `Đơn vị có nhiều nhiệm vụ quá hạn nhất: ${input.lateUnits.map((u) => `${u.unitName} (${u.overdue})`).join("; ")}.`
        : "Không có đơn vị nào có nhiệm vụ quá hạn.",
    ],
    [
      ...lines(input.newlyOverdue.tasks).map((l) => ({ ...l, text: `Quá hạn — ${l.text}` })),
      ...lines(input.completed.tasks).map((l) => ({ ...l, text: `Hoàn thành — ${l.text}` })),
    ],
    "/",
    siteUrl,
  );
}
