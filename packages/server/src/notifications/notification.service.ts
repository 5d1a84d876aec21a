/**
 * The bell and the preferences, for the signed-in user only (every role has its own; nobody
 * reads another's). The administrator also sees the outbox: how many messages wait, were sent,
 * failed, and the failures with their reason.
 */
import {
  DIGESTIBLE_KINDS,
  KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "@giamsat/core";
import {
  countUnread,
  findUserById,
  listFailedOutbox,
  listNotifications,
  listPrefs,
  markNotificationsRead,
  outboxCounts,
  recordAudit,
  savePrefs,
  type PrefChannel,
} from "@giamsat/db";
import { requireRole, type Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";

export type NotificationView = {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  read: boolean;
};

export async function notificationsFor(
  ctx: Ctx,
  actor: Actor,
  q: { unread: boolean; limit: number; offset: number },
): Promise<{ items: NotificationView[]; total: number; unread: number }> {
  const { items, total, unread } = await listNotifications(ctx.db, actor.userId, {
    unreadOnly: q.unread,
    limit: q.limit,
    offset: q.offset,
  });
  return {
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.created_at,
      read: n.read_at !== null,
    })),
    total,
    unread,
  };
}

export async function unreadCountFor(ctx: Ctx, actor: Actor): Promise<{ unread: number }> {
  return { unread: await countUnread(ctx.db, actor.userId) };
}

export async function markReadFor(
  ctx: Ctx,
  actor: Actor,
  ids: number[] | "all",
): Promise<{ changed: number; unread: number }> {
  const changed = await markNotificationsRead(ctx.db, actor.userId, ids, new Date().toISOString());
  return { changed, unread: await countUnread(ctx.db, actor.userId) };
}

export type PreferenceView = {
  kind: NotificationKind;
  label: string;
  inApp: boolean;
  email: boolean;
  /** e-mails of this kind gathered in one daily mail instead of one each */
  digest: boolean;
  digestible: boolean;
};

export type PreferencesView = { email: string | null; kinds: PreferenceView[] };

export async function preferencesFor(ctx: Ctx, actor: Actor): Promise<PreferencesView> {
  const prefs = await listPrefs(ctx.db, [actor.userId]);
  const off = new Set(prefs.filter((p) => !p.enabled).map((p) => `${p.kind}:${p.channel}`));
  const digest = new Set(
    prefs.filter((p) => p.enabled && p.channel === "email_digest").map((p) => p.kind),
  );
  const user = await findUserById(ctx.db, actor.userId);
  return {
    email: user?.email ?? null,
    kinds: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      inApp: !off.has(`${kind}:in_app`),
      email: !off.has(`${kind}:email`),
      digest: digest.has(kind),
      digestible: DIGESTIBLE_KINDS.includes(kind),
    })),
  };
}

/**
 * Saves the user's choice per kind and channel, and whether the kind's e-mails are gathered in
 * the daily digest (only for the kinds that are not digests themselves); audited.
 */
export async function savePreferencesFor(
  ctx: Ctx,
  actor: Actor,
  kinds: { kind: NotificationKind; inApp: boolean; email: boolean; digest?: boolean }[],
): Promise<PreferencesView> {
  const rows = kinds.flatMap((k) => [
    { kind: k.kind, channel: "in_app" as PrefChannel, enabled: k.inApp },
    { kind: k.kind, channel: "email" as PrefChannel, enabled: k.email },
    ...(k.digest && DIGESTIBLE_KINDS.includes(k.kind)
      ? [{ kind: k.kind, channel: "email_digest" as PrefChannel, enabled: true }]
      : []),
  ]);
  await ctx.db.transaction().execute(async (trx) => {
    await savePrefs(trx, actor.userId, rows);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "notification_prefs.save",
      entity: "user",
      entityId: actor.userId,
      after: kinds,
    });
  });
  return preferencesFor(ctx, actor);
}

export async function outboxStatusFor(ctx: Ctx, actor: Actor) {
  requireRole(actor, "admin");
  const failed = await listFailedOutbox(ctx.db, 100);
  return {
    counts: await outboxCounts(ctx.db),
    failed: failed.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      recipientId: r.recipient_id,
      address: r.address,
      subject: r.subject,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
    })),
  };
}
