/**
 * Message bodies (text and HTML) stored once in `notification_messages` for every outbox or
 * fan-out row that carries them: rows that share one body object share one stored body.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../schema.js";

type Db = Kysely<Database>;

/** A message body; rows that share one object share one stored body. */
export type OutboxBody = { readonly text: string; readonly html: string };

const CHUNK = 200;

/** Stores each distinct body once; returns the id of each. */
export async function storeBodies(
  db: Db,
  bodies: readonly OutboxBody[],
): Promise<Map<OutboxBody, number>> {
  const ids = new Map<OutboxBody, number>();
  for (let i = 0; i < bodies.length; i += CHUNK) {
    const chunk = bodies.slice(i, i + CHUNK);
    const inserted = await db
      .insertInto("notification_messages")
      .values(chunk.map((b) => ({ body_text: b.text, body_html: b.html })))
      .returning("id")
      .execute();
    // ids grow in the order of the VALUES list on both databases
    const sorted = inserted.map((r) => r.id).sort((a, b) => a - b);
    chunk.forEach((b, j) => ids.set(b, sorted[j]!));
  }
  return ids;
}

/** Removes the given bodies that no outbox or fan-out row points to (a rerun's, queued before). */
export async function dropUnusedBodies(db: Db, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom("notification_messages as m")
      .where("m.id", "in", ids.slice(i, i + 500))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("notification_outbox as o")
              .select("o.id")
              .whereRef("o.message_id", "=", "m.id"),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("notification_fanout as f")
              .select("f.id")
              .whereRef("f.message_id", "=", "m.id"),
          ),
        ),
      )
      .execute();
  }
}
