import { DomainError } from "@giamsat/core";
import { reportRateCount, type ReportRateCount } from "@giamsat/db";
import type { Actor } from "./actor.js";
import { nowOf, type Ctx } from "./context.js";

/**
 * The per-user limit on report submissions (GIAMSAT_REPORT_RATE_LIMIT reports within
 * GIAMSAT_REPORT_RATE_MINUTES): a stolen token or a runaway script cannot flood the review
 * queue, while a unit's real month — a few dozen reports — never meets it. Kept in the database
 * (`report_rates`: a count per user and window, the window beginning at the first report after
 * the last one ended), so every server behind a proxy agrees; the submission's own write counts
 * it only when the window has room, so a report refused or not saved, or a resend of the same
 * form (its token), is not counted.
 * Over the limit: 429 with `Retry-After` (when the window ends).
 */
/** The refusal of a report over the limit (the user's count in its window). */
export function rateRefusal(ctx: Ctx, count: ReportRateCount, nowMs: number): DomainError {
  return overRate(ctx, count.sent, count.sinceMs, nowMs, 1);
}

/** Before several reports are sent together: refused when they would not all fit. */
export async function checkReportRate(ctx: Ctx, actor: Actor, adding: number): Promise<void> {
  const { max, windowMs } = ctx.config.reportRate;
  const nowMs = nowOf(ctx).getTime();
  const count = await reportRateCount(ctx.db, actor.userId, nowMs, windowMs);
  const sent = count?.sent ?? 0;
  if (sent + adding <= max) return;
  throw overRate(ctx, sent, count?.sinceMs ?? nowMs, nowMs, adding);
}

function overRate(ctx: Ctx, sent: number, sinceMs: number, nowMs: number, adding: number) {
  const { max, windowMs } = ctx.config.reportRate;
  const retryAfter = Math.max(1, Math.ceil((sinceMs + windowMs - nowMs) / 1000));
  const minutes = Math.round(windowMs / 60_000);
  return new DomainError(
    "rate_limited",
    `Tài khoản đã gửi ${sent} báo cáo trong ${minutes} phút qua (tối đa ${max}${adding > 1 ? `; lần này gửi thêm ${adding}` : ""}). Vui lòng thử lại sau ${retryAfter} giây.`,
    { retryAfter },
  );
}
