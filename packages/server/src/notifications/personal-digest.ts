/**
 * The daily personal digest: the e-mails held for each user (the kinds they chose to gather)
 * become one mail listing them. The digest row and the held rows' `bundled` mark are written in
 * one transaction; the digest's key carries the last held row it includes, so a second run the
 * same day gathers only what was held since (nothing: no mail).
 */
import { personalDigestMessage } from "@giamsat/core";
import { enqueueOutbox, heldMail, markBundled, type HeldMail } from "@giamsat/db";
import type { Ctx } from "../services/context.js";

/** Queues one digest per user with held e-mails; returns how many digests were queued. */
export async function bundleHeldMail(ctx: Ctx, day: string, now: string): Promise<number> {
  const byUser = new Map<number, HeldMail[]>();
  for (const row of await heldMail(ctx.db)) {
    // only a user's mail is held (a PAKN sender's, with no account, is sent at once)
    if (row.recipient_id === null) continue;
    const list = byUser.get(row.recipient_id);
    if (list) list.push(row);
    else byUser.set(row.recipient_id, [row]);
  }
  if (!byUser.size) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    const rows = [...byUser].map(([userId, held]) => {
      const last = held[held.length - 1]!;
      const message = personalDigestMessage(
        { day, items: held.map((h) => ({ subject: h.subject, link: h.link })) },
        ctx.config.siteUrl,
      );
      return {
        rule: "personal_digest",
        item: `user:${userId}`,
        period: day,
        step: String(last.id),
        recipient_id: userId,
        channel: "email" as const,
        kind: message.kind,
        address: last.address,
        subject: message.subject,
        body: message,
        link: message.link,
        next_attempt_at: now,
      };
    });
    const queued = await enqueueOutbox(trx, rows);
    await markBundled(
      trx,
      [...byUser.values()].flatMap((held) => held.map((h) => h.id)),
    );
    return queued;
  });
}
