/**
 * From "tell this message to these users" to outbox rows: one per user and channel the user
 * keeps on (in-app always available; e-mail when the user has an address and SMTP is set).
 */
import type { Message } from "@giamsat/core";
import {
  listPrefs,
  type NewOutboxRow,
  type NotificationChannel,
  type RecipientRow,
} from "@giamsat/db";
import type { Ctx } from "../services/context.js";

export type OutboxKey = { rule: string; item: string; period: string; step: string };

export type Addressed = { key: OutboxKey; message: Message; to: RecipientRow };

/** The preferences of the users, as a set of "user:kind:channel" switched off. */
export async function switchedOff(ctx: Ctx, userIds: readonly number[]): Promise<Set<string>> {
  const off = new Set<string>();
  const ids = [...new Set(userIds)];
  for (let i = 0; i < ids.length; i += 5000) {
    for (const p of await listPrefs(ctx.db, ids.slice(i, i + 5000))) {
      if (!p.enabled) off.add(`${p.user_id}:${p.kind}:${p.channel}`);
    }
  }
  return off;
}

export async function outboxRows(
  ctx: Ctx,
  addressed: readonly Addressed[],
  now: string,
): Promise<NewOutboxRow[]> {
  const off = await switchedOff(
    ctx,
    addressed.map((a) => a.to.id),
  );
  const email = Boolean(ctx.config.mail.smtpUrl);
  const rows: NewOutboxRow[] = [];
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
        body_text: message.text,
        body_html: message.html,
        link: message.link,
        next_attempt_at: now,
      });
    }
  }
  return rows;
}
