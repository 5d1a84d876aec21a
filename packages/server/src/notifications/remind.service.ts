/**
 * `giamsat remind --as-of DAY` and the scheduler's daily run: compute the day's reminders,
 * digests, indicator alerts and PAKN reminders, queue them once per message and audience as they are composed
 * (a message already queued — same rule, item, period, step and audience — is skipped), fan
 * them out to one outbox
 * row per recipient and channel, gather each user's held e-mails in their daily digest, then send
 * what the outbox holds. A dry run computes, queues and fans out in a transaction that is rolled
 * back: it counts what a run would do; nothing is written, nothing sent.
 */
import { parseIsoDate } from "@giamsat/core";
import { queueFanout, type QueuedFanoutRow } from "@giamsat/db";
import type { Ctx } from "../services/context.js";
import type { Channel } from "./channel.js";
import { drainOutbox } from "./outbox.worker.js";
import { fanOutAll, fanoutRows } from "./fanout.js";
import { planDigests } from "./digest.planner.js";
import { planFeedbackReminders } from "./feedback-reminder.planner.js";
import { planIndicatorAlerts } from "./indicator-alert.planner.js";
import { bundleHeldMail } from "./personal-digest.js";
import { holidaysOf, planReminders } from "./reminder.planner.js";

export type RemindResult = {
  asOf: string;
  dryRun: boolean;
  /** messages due that day (one per message and audience: a unit's members, a role) */
  due: number;
  queued: number;
  /** what the queued messages made: an in-app notification or an e-mail per recipient */
  deliveries: number;
  /** personal digests queued (e-mails held for users who gather them in one daily mail) */
  digests: number;
  /** due but queued before (an earlier run of the same day) */
  skipped: number;
  sent: number;
  failed: number;
  retrying: number;
};

class Rollback extends Error {}

/**
 * The day's reminders, digests and indicator alerts, one row per message and audience, yielded
 * in chunks to be queued as they are composed (never all at once).
 */
export async function* planDay(ctx: Ctx, asOf: string): AsyncGenerator<QueuedFanoutRow[]> {
  parseIsoDate(asOf);
  const holidays = await holidaysOf(ctx);
  for await (const told of planReminders(ctx, asOf, holidays)) yield fanoutRows(told);
  yield fanoutRows([
    ...(await planDigests(ctx, asOf, holidays)),
    ...(await planIndicatorAlerts(ctx, asOf)),
    ...(await planFeedbackReminders(ctx, asOf, holidays)),
  ]);
}

/**
 * Queues the day's rows chunk by chunk; each chunk in its own transaction, or all in the
 * caller's (the dry run's). A run killed midway leaves whole chunks queued; the rerun queues the
 * rest. Returns how many rows were due and how many were new.
 */
async function queueDay(ctx: Ctx, asOf: string): Promise<{ due: number; queued: number }> {
  let due = 0;
  let queued = 0;
  for await (const rows of planDay(ctx, asOf)) {
    due += rows.length;
    queued += ctx.db.isTransaction
      ? await queueFanout(ctx.db, rows)
      : await ctx.db.transaction().execute((trx) => queueFanout(trx, rows));
  }
  return { due, queued };
}

export async function runReminders(
  ctx: Ctx,
  asOf: string,
  opts: { dryRun: boolean; channels: readonly Channel[] },
): Promise<RemindResult> {
  const now = new Date().toISOString();
  let day = { due: 0, queued: 0 };
  let deliveries = 0;
  /** in-app notifications the fan-out wrote: delivered at once */
  let inApp = 0;
  let digests = 0;
  if (opts.dryRun) {
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        day = await queueDay({ ...ctx, db: trx }, asOf);
        const made = await fanOutAll({ ...ctx, db: trx });
        deliveries = made.inApp + made.outbox;
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  } else {
    day = await queueDay(ctx, asOf);
    const made = await fanOutAll(ctx);
    deliveries = made.inApp + made.outbox;
    inApp = made.inApp;
    digests = await bundleHeldMail(ctx, asOf, now);
  }
  const drained = opts.dryRun
    ? { sent: 0, failed: 0, retrying: 0 }
    : await drainOutbox(ctx, opts.channels);
  return {
    asOf,
    dryRun: opts.dryRun,
    due: day.due,
    queued: day.queued,
    deliveries,
    digests,
    skipped: day.due - day.queued,
    ...drained,
    sent: inApp + drained.sent,
  };
}
