/**
 * `giamsat remind --as-of DAY` and the scheduler's daily run: compute the day's reminders,
 * digests and indicator alerts, queue them (a reminder already queued — same rule, item, period,
 * recipient, step and channel — is skipped), gather each user's held e-mails in their daily
 * digest, then send what the outbox holds. A dry run computes and counts in a transaction
 * that is rolled back: nothing is written, nothing sent.
 */
import { parseIsoDate } from "@giamsat/core";
import { enqueueOutbox } from "@giamsat/db";
import type { Ctx } from "../services/context.js";
import type { Channel } from "./channel.js";
import { drainOutbox } from "./outbox.worker.js";
import { outboxRows } from "./recipients.js";
import { planDigests } from "./digest.planner.js";
import { planIndicatorAlerts } from "./indicator-alert.planner.js";
import { bundleHeldMail } from "./personal-digest.js";
import { holidaysOf, planReminders } from "./reminder.planner.js";

export type RemindResult = {
  asOf: string;
  dryRun: boolean;
  /** messages due that day (one per recipient and channel) */
  due: number;
  queued: number;
  /** personal digests queued (e-mails held for users who gather them in one daily mail) */
  digests: number;
  /** due but queued before (an earlier run of the same day) */
  skipped: number;
  sent: number;
  failed: number;
  retrying: number;
};

class Rollback extends Error {}

export async function runReminders(
  ctx: Ctx,
  asOf: string,
  opts: { dryRun: boolean; channels: readonly Channel[] },
): Promise<RemindResult> {
  parseIsoDate(asOf);
  const holidays = await holidaysOf(ctx);
  const addressed = [
    ...(await planReminders(ctx, asOf, holidays)),
    ...(await planDigests(ctx, asOf, holidays)),
    ...(await planIndicatorAlerts(ctx, asOf)),
  ];
  const now = new Date().toISOString();
  const rows = await outboxRows(ctx, addressed, now);
  let queued = 0;
  let digests = 0;
  if (opts.dryRun) {
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        queued = await enqueueOutbox(trx, rows);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  } else {
    queued = await enqueueOutbox(ctx.db, rows);
    digests = await bundleHeldMail(ctx, asOf, now);
  }
  const sent = opts.dryRun
    ? { sent: 0, failed: 0, retrying: 0 }
    : await drainOutbox(ctx, opts.channels);
  return {
    asOf,
    dryRun: opts.dryRun,
    due: rows.length,
    queued,
    digests,
    skipped: rows.length - queued,
    ...sent,
  };
}
