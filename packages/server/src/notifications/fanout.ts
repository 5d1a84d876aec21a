/**
 * The daily run tells each message to an audience — a unit's heads, its staff, both, or every
 * user of a role — in one fan-out row; the worker fans the rows out (the user's preferences
 * applied) before it sends: in-app notifications written at once, one outbox row per e-mail.
 * The daily run's cost thus grows with the messages, not with the recipients.
 */
import type { DeferredMessage, Message } from "@giamsat/core";
import {
  fanOutRows,
  takeFanout,
  type Database,
  type FanOutCount,
  type FanoutAudience,
  type QueuedFanoutRow,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Ctx } from "../services/context.js";
import { renderDeferredBodies } from "./message-render.js";
import type { OutboxKey } from "./recipients.js";

/** A unit's members of the audience (`unit`: heads and staff), or every user of a role. */
export type Audience =
  | { orgId: number; audience: "unit" | "unit_head" | "unit_staff" }
  | {
      orgId: null;
      audience: Exclude<FanoutAudience, "unit" | "unit_head" | "unit_staff">;
    };

/** A message composed at once, or stored as its content and rendered when fanned out. */
export type Told = { key: OutboxKey; message: Message | DeferredMessage; to: Audience };

export function fanoutRows(told: readonly Told[]): QueuedFanoutRow[] {
  return told.map(({ key, message, to }) => ({
    ...key,
    org_id: to.orgId ?? 0,
    audience: to.audience,
    kind: message.kind,
    subject: message.subject,
    link: message.link,
    // one Message object per audience and content: its body is stored once for all of them
    body: message,
  }));
}

/** fan-out rows per transaction: a unit's message reaches ~20 users on two channels */
const BATCH = 2000;

/**
 * Fans out every queued row, a batch per transaction (or in the caller's transaction: the dry
 * run's, rolled back), rendering first the bodies of the batch stored as their content; returns
 * how many in-app notifications were written and how many outbox rows (e-mails) queued.
 */
export async function fanOutAll(ctx: Ctx): Promise<FanOutCount> {
  const email = Boolean(ctx.config.mail.smtpUrl);
  // a row skipped because another worker holds it is that worker's: the walk goes on past it
  let last = 0;
  const batch = async (db: Kysely<Database>) => {
    const ids = await takeFanout(db, ctx.dialect, BATCH, last);
    await renderDeferredBodies({ ...ctx, db }, ids);
    const made = await fanOutRows(db, ids, { email, now: new Date().toISOString() });
    last = ids[ids.length - 1] ?? last;
    return { taken: ids.length, made };
  };
  const total: FanOutCount = { inApp: 0, outbox: 0 };
  for (;;) {
    const r = ctx.db.isTransaction
      ? await batch(ctx.db)
      : await ctx.db.transaction().execute(batch);
    total.inApp += r.made.inApp;
    total.outbox += r.made.outbox;
    if (r.taken < BATCH) return total;
  }
}
