/**
 * Sends what the outbox holds: fans out what the daily run queued for audiences (fanout.ts:
 * in-app notifications written at once, e-mails queued), then claims a batch (a lease of
 * GIAMSAT_OUTBOX_LEASE_SECONDS), hands each row to its channel (up to the channel's concurrency
 * at once), and records each outcome as soon as it is known, so that a process killed mid-run
 * leaves only the rows in flight to be sent again, and loses none. A failure is retried with
 * back-off (1, 2, 4, 8 minutes…), then recorded as failed for the administrator after
 * MAX_ATTEMPTS.
 */
import { claimOutbox, markOutboxFailed, markOutboxSent, type OutboxRow } from "@giamsat/db";
import type { Ctx } from "../services/context.js";
import type { Channel } from "./channel.js";
import { fanOutAll } from "./fanout.js";

export const MAX_ATTEMPTS = 6;
const BATCH = 100;
/** rows claimed at once by a channel that delivers a batch in one statement (in-app) */
const WHOLE_BATCH = 1000;

export type DrainResult = { sent: number; failed: number; retrying: number };

function retryAt(attempts: number, now: number): string | null {
  return attempts >= MAX_ATTEMPTS
    ? null
    : new Date(now + 60_000 * 2 ** (attempts - 1)).toISOString();
}

async function deliverAll(
  ctx: Ctx,
  channel: Channel,
  rows: OutboxRow[],
  result: DrainResult,
): Promise<void> {
  if (channel.deliverBatch) {
    try {
      await channel.deliverBatch(rows);
      result.sent += rows.length;
      return;
    } catch {
      // row by row below: each failure recorded on its own row
    }
  }
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++] as OutboxRow;
      try {
        await channel.deliver(row);
        await markOutboxSent(ctx.db, row.id, new Date().toISOString());
        result.sent += 1;
      } catch (error) {
        const when = retryAt(row.attempts, Date.now());
        await markOutboxFailed(ctx.db, row.id, String((error as Error)?.message ?? error), when);
        if (when) result.retrying += 1;
        else result.failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, channel.concurrency) }, lane));
}

/** Sends every row that is due now on the given channels; returns what happened. */
export async function drainOutbox(ctx: Ctx, channels: readonly Channel[]): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, retrying: 0 };
  // rows a run killed before its fan-out left: their in-app notifications are written here
  result.sent += (await fanOutAll(ctx)).inApp;
  for (const channel of channels) {
    for (;;) {
      const now = Date.now();
      const rows = await claimOutbox(ctx.db, ctx.dialect, {
        now: new Date(now).toISOString(),
        leaseUntil: new Date(now + ctx.config.outboxLeaseMs).toISOString(),
        limit: channel.deliverBatch ? WHOLE_BATCH : BATCH,
        channel: channel.name,
      });
      if (!rows.length) break;
      await deliverAll(ctx, channel, rows, result);
    }
  }
  return result;
}
