import { DomainError } from "@giamsat/core";
import { reportsSentSince } from "@giamsat/db";
import type { Actor } from "./actor.js";
import type { Ctx } from "./context.js";

/**
 * The per-user limit on report submissions (GIAMSAT_REPORT_RATE_LIMIT reports within
 * GIAMSAT_REPORT_RATE_MINUTES): a stolen token or a runaway script cannot flood the review
 * queue, while a unit's real month — a few dozen reports — never meets it. Counted from the
 * stored reports, so every server behind a proxy agrees; a resend of the same form (its token)
 * is not a new report and is not counted. Over the limit: 429 with `Retry-After`.
 */
export async function checkReportRate(ctx: Ctx, actor: Actor, adding = 1): Promise<void> {
  const { max, windowMs } = ctx.config.reportRate;
  const now = Date.now();
  const sent = await reportsSentSince(ctx.db, actor.userId, new Date(now - windowMs).toISOString());
  if (sent.count + adding <= max) return;
  const frees = sent.oldest ? Date.parse(sent.oldest) + windowMs : now + windowMs;
  const retryAfter = Math.max(1, Math.ceil((frees - now) / 1000));
  const minutes = Math.round(windowMs / 60_000);
  throw new DomainError(
    "rate_limited",
    `Tài khoản đã gửi ${sent.count} báo cáo trong ${minutes} phút qua (tối đa ${max}${adding > 1 ? `; lần này gửi thêm ${adding}` : ""}). Vui lòng thử lại sau ${retryAfter} giây.`,
    { retryAfter },
  );
}
