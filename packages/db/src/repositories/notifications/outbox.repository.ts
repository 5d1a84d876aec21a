/**
 * The notification outbox: queue (insert, ignoring a key already queued), claim (a lease, so
 * that a worker that died leaves its rows to another), and record the outcome.
 * PostgreSQL workers claim with FOR UPDATE SKIP LOCKED and never take the same row; SQLite has
 * one writer at a time, so one worker claims there.
 */
import { sql, type Insertable, type Kysely, type Selectable } from "kysely";
import type { DialectName } from "../../connection.js";
import type { Database, NotificationOutboxTable } from "../../schema.js";
import { dropUnusedBodies, storeBodies, type OutboxBody } from "./message-body.repository.js";

type Db = Kysely<Database>;
export type OutboxRow = Selectable<NotificationOutboxTable>;
export type NewOutboxRow = Insertable<NotificationOutboxTable>;

/** A row to queue: its body is stored once in notification_messages for every row sharing it. */
export type QueuedOutboxRow = Omit<NewOutboxRow, "body_text" | "body_html" | "message_id"> & {
  body: OutboxBody;
};

/** outbox rows per INSERT: ~16 parameters each, under SQLite's 32,766 and PostgreSQL's 65,535 */
const ROW_CHUNK = 1000;

/**
 * Queues messages; returns how many were new (the others' key was queued before). Bodies are
 * stored once; a body left unused because all its rows were queued before is removed again.
 */
export async function enqueueOutbox(db: Db, rows: readonly QueuedOutboxRow[]): Promise<number> {
  const ids = await storeBodies(db, [...new Set(rows.map((r) => r.body))]);
  let added = 0;
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    const inserted = await db
      .insertInto("notification_outbox")
      .values(
        rows.slice(i, i + ROW_CHUNK).map(({ body, ...row }) => ({
          ...row,
          body_text: "",
          body_html: "",
          message_id: ids.get(body)!,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["rule", "item", "period", "recipient_id", "step", "channel"]).doNothing(),
      )
      .returning("id")
      .execute();
    added += inserted.length;
  }
  if (added < rows.length) await dropUnusedBodies(db, [...ids.values()]);
  return added;
}

/** Fills in the bodies of rows that point to a stored one. */
async function withBodies(db: Db, rows: OutboxRow[]): Promise<OutboxRow[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.message_id === null ? [] : [r.message_id])))];
  if (!ids.length) return rows;
  const bodies = new Map(
    (
      await db
        .selectFrom("notification_messages")
        .select(["id", "body_text", "body_html"])
        .where("id", "in", ids)
        .execute()
    ).map((m) => [m.id, m]),
  );
  return rows.map((r) => {
    const m = r.message_id === null ? undefined : bodies.get(r.message_id);
    return m ? { ...r, body_text: m.body_text, body_html: m.body_html } : r;
  });
}

/**
 * Claims up to `limit` rows ready to send (pending and due, or sending with an expired lease)
 * until `leaseUntil`; returns them in queue order. The rows are found through the due index
 * without ORDER BY: sorting every waiting row for each batch made draining 500,000 rows take
 * time quadratic in their number.
 */
export async function claimOutbox(
  db: Db,
  dialect: DialectName,
  opts: { now: string; leaseUntil: string; limit: number; channel?: string },
): Promise<OutboxRow[]> {
  const lock = dialect === "postgres" ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const channel = opts.channel ? sql`AND channel = ${opts.channel}` : sql``;
  const result = await sql<OutboxRow>`
    UPDATE notification_outbox
       SET status = 'sending', claimed_until = ${opts.leaseUntil}, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM notification_outbox
        WHERE ((status = 'pending' AND next_attempt_at <= ${opts.now})
            OR (status = 'sending' AND claimed_until < ${opts.now})) ${channel}
        LIMIT ${opts.limit}
        ${lock})
    RETURNING *`.execute(db);
  return withBodies(
    db,
    [...result.rows].sort((a, b) => a.id - b.id),
  );
}

export async function markOutboxSent(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable("notification_outbox")
    .set({ status: "sent", sent_at: at, claimed_until: null, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt: retried at `retryAt`, or failed for good when `retryAt` is null. */
export async function markOutboxFailed(
  db: Db,
  id: number,
  error: string,
  retryAt: string | null,
): Promise<void> {
  await db
    .updateTable("notification_outbox")
    .set({
      status: retryAt ? "pending" : "failed",
      next_attempt_at: retryAt ?? sql<string>`next_attempt_at`,
      claimed_until: null,
      last_error: error.slice(0, 1000),
    })
    .where("id", "=", id)
    .execute();
}

export type HeldMail = Pick<OutboxRow, "id" | "recipient_id" | "address" | "subject" | "link">;

/** E-mails held for their recipients' daily digests, in queue order. */
export async function heldMail(db: Db): Promise<HeldMail[]> {
  return db
    .selectFrom("notification_outbox")
    .select(["id", "recipient_id", "address", "subject", "link"])
    .where("status", "=", "held")
    .orderBy("id")
    .execute();
}

/** Marks held rows as carried by a digest mail. */
export async function markBundled(db: Db, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .updateTable("notification_outbox")
      .set({ status: "bundled" })
      .where("id", "in", ids.slice(i, i + 1000))
      .where("status", "=", "held")
      .execute();
  }
}

/** Messages that failed for good, newest first (the administrator's list). */
export async function listFailedOutbox(db: Db, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom("notification_outbox")
    .selectAll()
    .where("status", "=", "failed")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** How many rows each status holds. */
export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("notification_outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
