/**
 * From "tell this message to these users" to outbox rows: one per user and channel the user
 * keeps on (in-app always available; e-mail when the user has an address and SMTP is set). An
 * e-mail of a kind the user gathers in the daily digest is queued `held`: the daily run sends it
 * inside that digest (personal-digest.ts), never alone.
 */
import type { Message } from "@giamsat/core";
import {
  listPrefs,
  type QueuedOutboxRow,
  type NotificationChannel,
  type RecipientRow,
} from "@giamsat/db";
import type { Ctx } from "../services/context.js";

export type OutboxKey = { rule: string; item: string; period: string; step: string };

export type Addressed = { key: OutboxKey; message: Message; to: RecipientRow };

/**
 * The preferences of the users: "user:kind:channel" switched off, and "user:kind" whose
 * e-mails go in the daily digest.
 */
async function preferencesOf(ctx: Ctx, userIds: readonly number[]) {
  const off = new Set<string>();
  const digest = new Set<string>();
  const ids = [...new Set(userIds)];
  for (let i = 0; i < ids.length; i += 5000) {
    for (const p of await listPrefs(ctx.db, ids.slice(i, i + 5000))) {
      if (p.channel === "email_digest") {
        if (p.enabled) digest.add(`${p.user_id}:${p.kind}`);
      } else if (!p.enabled) off.add(`${p.user_id}:${p.kind}:${p.channel}`);
    }
  }
  return { off, digest };
}

export async function outboxRows(
  ctx: Ctx,
  addressed: readonly Addressed[],
  now: string,
): Promise<QueuedOutboxRow[]> {
  const { off, digest } = await preferencesOf(
    ctx,
    addressed.map((a) => a.to.id),
  );
  const email = Boolean(ctx.config.mail.smtpUrl);
  const rows: QueuedOutboxRow[] = [];
  for (const { key, message, to } of addressed) {
    const channels: NotificationChannel[] = ["in_app"];
    if (email && to.email) channels.push("email");
    for (const channel of channels) {
      if (off.has(`${to.id}:${message.kind}:${channel}`)) continue;
      rows.push({
        ...key,
        recipient_id: to.id,
        channel,
        kind: message.kind,
        address: channel === "email" ? to.email : null,
        subject: message.subject,
        // one Message object per audience: its body is stored once for all of them
        body: message,
        link: message.link,
        next_attempt_at: now,
        // always set: a multi-row insert cannot mix rows with and without a column on SQLite
        status: channel === "email" && digest.has(`${to.id}:${message.kind}`) ? "held" : "pending",
      });
    }
  }
  return rows;
}
