/**
 * `giamsat remind --as-of DAY` and the scheduler's daily run: compute the day's reminders,
 * digests and indicator alerts, queue them once per message and audience (a message already
 * queued — same rule, item, period, step and audience — is skipped), fan them out to one outbox
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
import { planIndicatorAlerts } from "./indicator-alert.planner.js";
import { bundleHeldMail } from "./personal-digest.js";
import { holidaysOf, planReminders } from "./reminder.planner.js";

export type RemindResult = {
  asOf: string;
  dryRun: boolean;
  /** messages due that day (one per message and audience: a unit's members, a role) */
  due: number;
  queued: number;
  /** outbox rows the queued messages made (one per recipient and channel) */
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

/** The day's reminders, digests and indicator alerts, one row per message and audience. */
export async function planDay(ctx: Ctx, asOf: string): Promise<QueuedFanoutRow[]> {
  parseIsoDate(asOf);
  const holidays = await holidaysOf(ctx);
  return fanoutRows([
    ...(await planReminders(ctx, asOf, holidays)),
    ...(await planDigests(ctx, asOf, holidays)),
    ...(await planIndicatorAlerts(ctx, asOf)),
  ]);
}

export async function runReminders(
  ctx: Ctx,
  asOf: string,
  opts: { dryRun: boolean; channels: readonly Channel[] },
): Promise<RemindResult> {
  const rows = await planDay(ctx, asOf);
  const now = new Date().toISOString();
  let queued = 0;
  let deliveries = 0;
  let digests = 0;
  if (opts.dryRun) {
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        queued = await queueFanout(trx, rows);
        deliveries = await fanOutAll({ ...ctx, db: trx });
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  } else {
    queued = await ctx.db.transaction().execute((trx) => queueFanout(trx, rows));
    deliveries = await fanOutAll(ctx);
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
    deliveries,
    digests,
    skipped: rows.length - queued,
    ...sent,
  };
}
