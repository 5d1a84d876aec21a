import type { Page, ReportWithTask } from "../api/types.js";

/** The review queue: its count stops at a cap (`totalCapped`: more than `total`). */
export type QueuePage = Page<ReportWithTask> & { totalCapped: boolean };

/** "1.234", or "Hơn 1.000" past the count's cap. */
export function reportCount(page: Pick<QueuePage, "total" | "totalCapped">): string {
  const count = page.total.toLocaleString("vi-VN");
  return page.totalCapped ? `Hơn ${count}` : count;
}

/**
 * "1.234 báo cáo chờ duyệt, cũ nhất trước" — "Hơn 1.000 …" past the count's cap — and how many
 * the page shows when it does not show them all.
 */
export function waitingLabel(
  page: Pick<QueuePage, "total" | "totalCapped">,
  shown: number,
): string {
  const waiting = `${reportCount(page)} báo cáo chờ duyệt, cũ nhất trước`;
  return page.totalCapped || shown < page.total
    ? `${waiting} (hiện ${shown} báo cáo đầu)`
    : waiting;
}
