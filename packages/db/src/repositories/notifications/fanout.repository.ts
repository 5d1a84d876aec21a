/**
 * The fan-out queue (migration 0022): the daily run queues one row per message and audience; the
 * worker fans each row out — one in-app notification per active recipient written at once, one
 * outbox row per e-mail to send — in one INSERT … SELECT per channel, and marks it fanned out in
 * the same transaction. Preferences are applied there: a channel the user switched off for the
 * kind gets nothing; an e-mail of a kind the user gathers in the daily digest is queued `held`.
 * PostgreSQL workers take rows with FOR UPDATE SKIP LOCKED.
 */
import { sql, type Insertable, type Kysely } from "kysely";
import type { DialectName } from "../../connection.js";
import type { Database, NotificationFanoutTable } from "../../schema.js";
import { dropUnusedBodies, storeBodies, type OutboxBody } from "./message-body.repository.js";

type Db = Kysely<Database>;

/** A message to an audience: its body is stored once for every row sharing the object. */
export type QueuedFanoutRow = Omit<
  Insertable<NotificationFanoutTable>,
  "message_id" | "fanned_out_at"
> & { body: OutboxBody };

/** fan-out rows per INSERT: 9 parameters each */
const ROW_CHUNK = 2000;

/**
 * Queues messages to audiences; returns how many were new (the others' key was queued before).
 * A body left unused because all its rows were queued before is removed again.
 */
export async function queueFanout(db: Db, rows: readonly QueuedFanoutRow[]): Promise<number> {
  const ids = await storeBodies(db, [...new Set(rows.map((r) => r.body))]);
  let added = 0;
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    const result = await db
      .insertInto("notification_fanout")
      .values(
        rows.slice(i, i + ROW_CHUNK).map((r) => ({
          rule: r.rule,
          item: r.item,
          period: r.period,
          step: r.step,
          org_id: r.org_id,
          audience: r.audience,
          kind: r.kind,
          subject: r.subject,
          link: r.link,
          message_id: ids.get(r.body)!,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["rule", "item", "period", "step", "org_id", "audience"]).doNothing(),
      )
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  if (added < rows.length) await dropUnusedBodies(db, [...ids.values()]);
  return added;
}

/**
 * Takes up to `limit` rows not fanned out yet, in queue order, after row `afterId` (locked until
 * the transaction ends; other PostgreSQL workers skip them). Run it, `fanOutRows` and what comes
 * between in one transaction. A run walks the queue by id: each batch starts where the last one
 * ended instead of stepping again over the rows it just marked (on PostgreSQL their old index
 * entries stay until a vacuum, so a batch taken from the start re-reads every row done before it).
 */
export async function takeFanout(
  trx: Db,
  dialect: DialectName,
  limit: number,
  afterId = 0,
): Promise<number[]> {
  const lock = dialect === "postgres" ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const taken = await sql<{ id: number }>`
    SELECT id FROM notification_fanout WHERE fanned_out_at IS NULL AND id > ${afterId}
     ORDER BY id LIMIT ${limit} ${lock}`.execute(trx);
  return taken.rows.map((r) => r.id);
}

/** What a fan-out made: in-app notifications written at once, outbox rows (e-mail) to send. */
export type FanOutCount = { inApp: number; outbox: number };

/**
 * Fans out the taken rows: each recipient's in-app notification is written at once (pointing to
 * the stored body, migration 0032; no outbox row: the transaction that marks the row fanned out
 * is the guarantee it is written once), each e-mail queued in the outbox — only when `email` (SMTP
 * set) and the user has an address. Everything goes with the `fanned_out_at` mark in the
 * caller's transaction.
 */
export async function fanOutRows(
  trx: Db,
  ids: readonly number[],
  opts: { now: string; email: boolean },
): Promise<FanOutCount> {
  if (!ids.length) return { inApp: 0, outbox: 0 };
  const recipients = sql`
    WITH batch AS (SELECT * FROM notification_fanout WHERE id IN (${sql.join(ids)})),
    members AS (
      SELECT b.id AS fanout_id, u.id AS user_id, u.email
        FROM batch b
        JOIN user_orgs uo ON uo.org_id = b.org_id
        JOIN users u ON u.id = uo.user_id
       WHERE b.org_id <> 0 AND u.active = 1
         AND (u.role = b.audience
           OR (b.audience = 'unit' AND u.role IN ('unit_head', 'unit_staff')))
      UNION ALL
      SELECT b.id, u.id, u.email
        FROM batch b
        JOIN users u ON u.role = b.audience
       WHERE b.org_id = 0 AND u.active = 1
    )`;
  const keeps = (channel: string) => sql`NOT EXISTS (
         SELECT 1 FROM notification_prefs p
          WHERE p.user_id = m.user_id AND p.kind = f.kind AND p.channel = ${channel}
            AND p.enabled = 0)`;
  const inApp = await sql`${recipients}
    INSERT INTO notifications (user_id, kind, title, body, link, message_id)
    SELECT m.user_id, f.kind, f.subject, '', f.link, f.message_id
      FROM members m
      JOIN batch f ON f.id = m.fanout_id
     WHERE ${keeps("in_app")}
     ORDER BY f.id, m.user_id`.execute(trx);
  const email = opts.email
    ? await sql`${recipients}
    INSERT INTO notification_outbox
      (rule, item, period, recipient_id, step, channel, kind, address, subject, body_text,
       body_html, link, message_id, status, next_attempt_at)
    SELECT f.rule, f.item, f.period, m.user_id, f.step, 'email', f.kind, m.email, f.subject,
           '', '', f.link, f.message_id,
           CASE WHEN EXISTS (
             SELECT 1 FROM notification_prefs d
              WHERE d.user_id = m.user_id AND d.kind = f.kind
                AND d.channel = 'email_digest' AND d.enabled = 1)
           THEN 'held' ELSE 'pending' END,
           ${opts.now}
      FROM members m
      JOIN batch f ON f.id = m.fanout_id
     WHERE m.email IS NOT NULL AND ${keeps("email")}
     ORDER BY f.id, m.user_id
    ON CONFLICT (rule, item, period, recipient_id, step, channel) DO NOTHING`.execute(trx)
    : null;
  await trx
    .updateTable("notification_fanout")
    .set({ fanned_out_at: opts.now })
    .where("id", "in", [...ids])
    .execute();
  return {
    inApp: Number(inApp.numAffectedRows ?? 0),
    outbox: Number(email?.numAffectedRows ?? 0),
  };
}
