/** In-app notifications (the bell) and users' channel preferences. */
import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, NotificationsTable, PrefChannel } from "../../schema.js";

type Db = Kysely<Database>;
export type NotificationRow = Selectable<NotificationsTable>;

/** Inserts the in-app notification of an outbox row (nothing when it was inserted before). */
export async function insertNotification(
  db: Db,
  n: {
    user_id: number;
    kind: string;
    title: string;
    body: string;
    link: string;
    outbox_id: number;
  },
): Promise<void> {
  await db
    .insertInto("notifications")
    .values(n)
    .onConflict((oc) => oc.column("outbox_id").where("outbox_id", "is not", null).doNothing())
    .execute();
}

/**
 * Delivers claimed in-app outbox rows at once: their notifications (body from the stored
 * message) and their `sent` mark in one transaction; a row delivered before inserts nothing.
 */
export async function deliverInApp(db: Db, ids: readonly number[], at: string): Promise<void> {
  if (!ids.length) return;
  const deliver = async (trx: Db) => {
    await sql`
      INSERT INTO notifications (user_id, kind, title, body, link, outbox_id)
      SELECT o.recipient_id, o.kind, o.subject, COALESCE(m.body_text, o.body_text), o.link, o.id
        FROM notification_outbox o
        LEFT JOIN notification_messages m ON m.id = o.message_id
       WHERE o.id IN (${sql.join(ids)}) AND o.channel = 'in_app'
       ORDER BY o.id
      ON CONFLICT (outbox_id) WHERE outbox_id IS NOT NULL DO NOTHING`.execute(trx);
    await trx
      .updateTable("notification_outbox")
      .set({ status: "sent", sent_at: at, claimed_until: null, last_error: null })
      .where("id", "in", [...ids])
      .execute();
  };
  await (db.isTransaction ? deliver(db) : db.transaction().execute(deliver));
}

export async function listNotifications(
  db: Db,
  userId: number,
  opts: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  let q = db.selectFrom("notifications as n").where("n.user_id", "=", userId);
  if (opts.unreadOnly) q = q.where("n.read_at", "is", null);
  const [items, total, unread] = await Promise.all([
    q
      .leftJoin("notification_messages as m", "m.id", "n.message_id")
      .select([
        "n.id",
        "n.user_id",
        "n.kind",
        "n.title",
        "n.link",
        "n.outbox_id",
        "n.message_id",
        "n.created_at",
        "n.read_at",
      ])
      // a notification written by the fan-out shows its message's stored body
      .select(sql<string>`COALESCE(m.body_text, n.body)`.as("body"))
      .orderBy("n.id", "desc")
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    countUnread(db, userId),
  ]);
  return { items, total: Number(total.n), unread };
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the user's notifications read (the given ones, or all); returns how many changed. */
export async function markNotificationsRead(
  db: Db,
  userId: number,
  ids: readonly number[] | "all",
  at: string,
): Promise<number> {
  let q = db
    .updateTable("notifications")
    .set({ read_at: at })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (ids !== "all") {
    if (!ids.length) return 0;
    q = q.where("id", "in", ids);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type PrefRow = {
  user_id: number;
  kind: string;
  channel: PrefChannel;
  enabled: number;
};

export async function listPrefs(db: Db, userIds: readonly number[]): Promise<PrefRow[]> {
  if (!userIds.length) return [];
  return db
    .selectFrom("notification_prefs")
    .select(["user_id", "kind", "channel", "enabled"])
    .where("user_id", "in", userIds)
    .execute();
}

/** Replaces one user's preferences. */
export async function savePrefs(
  db: Db,
  userId: number,
  prefs: readonly { kind: string; channel: PrefChannel; enabled: boolean }[],
): Promise<void> {
  await db.deleteFrom("notification_prefs").where("user_id", "=", userId).execute();
  if (prefs.length) {
    await db
      .insertInto("notification_prefs")
      .values(
        prefs.map((p) => ({
          user_id: userId,
          kind: p.kind,
          channel: p.channel,
          enabled: p.enabled ? 1 : 0,
        })),
      )
      .execute();
  }
}
