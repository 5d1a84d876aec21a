/**
 * Message bodies (text and HTML) stored once in `notification_messages` for every outbox or
 * fan-out row that carries them: rows that share one body object share one stored body. A body
 * may be stored as its content (migration 0029) and rendered when fanned out.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../schema.js";

type Db = Kysely<Database>;

/**
 * A message body, rendered or as its content to render when sent; rows that share one object
 * share one stored body.
 */
export type OutboxBody =
  { readonly text: string; readonly html: string } | { readonly content: string };

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
      .values(
        chunk.map((b) =>
          "content" in b
            ? { body_text: "", body_html: "", content: b.content }
            : { body_text: b.text, body_html: b.html },
        ),
      )
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

/** The bodies of the given fan-out rows still stored as their content (not rendered yet). */
export async function unrenderedBodies(
  db: Db,
  fanoutIds: readonly number[],
): Promise<{ id: number; content: string }[]> {
  if (!fanoutIds.length) return [];
  // driven from the fan-out rows' keys: the messages table is never scanned
  const rows = await db
    .selectFrom("notification_fanout as f")
    .innerJoin("notification_messages as m", "m.id", "f.message_id")
    .select(["m.id", "m.content"])
    .distinct()
    .where("f.id", "in", [...fanoutIds])
    .where("m.content", "is not", null)
    .execute();
  return rows.map((r) => ({ id: r.id, content: r.content! }));
}

/**
 * Stores rendered bodies in place of their content: one UPDATE per 500 bodies. The id list
 * beside the VALUES keeps SQLite on primary-key lookups (without it each UPDATE took time
 * growing with the table: 90 s for 272k bodies instead of 2 s).
 */
export async function saveRenderedBodies(
  db: Db,
  bodies: readonly { id: number; text: string; html: string }[],
): Promise<void> {
  for (let i = 0; i < bodies.length; i += 500) {
    const chunk = bodies.slice(i, i + 500);
    const values = chunk.map((b) => sql`(CAST(${b.id} AS integer), ${b.text}, ${b.html})`);
    await sql`
      UPDATE notification_messages
         SET body_text = v.column2, body_html = v.column3, content = NULL
        FROM (VALUES ${sql.join(values)}) AS v
       WHERE notification_messages.id = v.column1
         AND notification_messages.id IN (${sql.join(chunk.map((b) => b.id))})`.execute(db);
  }
}
