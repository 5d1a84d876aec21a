/** Status codes of a task as of a date and their wording (the Government Office's taxonomy). */

/** In the order dashboards list them. The codes are disjoint: `due_soon` is not in `in_time`. */
export const STATUS_CODES = [
  "done_on_time",
  "done_late",
  "in_time",
  "due_soon",
  "overdue",
  "no_deadline",
  "recurring",
] as const;

export type StatusCode = (typeof STATUS_CODES)[number];

export const STATUS_LABELS: Record<StatusCode, string> = {
  done_on_time: "Đã hoàn thành đúng hạn",
  done_late: "Đã hoàn thành quá hạn",
  in_time: "Chưa hoàn thành – trong hạn",
  due_soon: "Sắp đến hạn",
  overdue: "Chưa hoàn thành – quá hạn",
  no_deadline: "Chưa xác định thời hạn",
  recurring: "Thường xuyên",
};

/** For chips and narrow columns; the dashboard's overdue list says "Quá hạn". */
export const STATUS_SHORT_LABELS: Record<StatusCode, string> = {
  done_on_time: "Đúng hạn",
  done_late: "Hoàn thành muộn",
  in_time: "Trong hạn",
  due_soon: "Sắp đến hạn",
  overdue: "Quá hạn",
  no_deadline: "Chưa xác định",
  recurring: "Thường xuyên",
};

export function isStatusCode(value: string): value is StatusCode {
  return (STATUS_CODES as readonly string[]).includes(value);
}

/** Zero for every code: the shape of `/api/stats` counts. */
export function emptyStatusCounts(): Record<StatusCode, number> {
  return Object.fromEntries(STATUS_CODES.map((code) => [code, 0])) as Record<StatusCode, number>;
}
