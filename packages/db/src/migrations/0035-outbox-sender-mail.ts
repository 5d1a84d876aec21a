/**
 * The outbox also carries e-mails to an address with no account — a PAKN sender told that the
 * submission was received and that it is answered: `recipient_id` may be null (such a row is
 * only ever an e-mail, sent at once, never held for a digest). SQLite cannot drop a NOT NULL:
 * the table is rebuilt from its own CREATE statement with the constraint removed (no table
 * refers to it), rows, indexes and the id sequence kept.
 */
import { sql } from "kysely";
import { dialectOf, type AnyDb } from "./migration.helpers.js";

const INDEXES = [
  sql`CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at)`,
  sql`CREATE INDEX notification_outbox_message ON notification_outbox (message_id)`,
];

async function rebuildSqlite(db: AnyDb, from: RegExp, to: string): Promise<void> {
  const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_master
    WHERE type = 'table' AND name = 'notification_outbox'`.execute(db);
  const create = rows[0]!.sql.replace(/"?notification_outbox"?/, "notification_outbox_next");
  const changed = create.replace(from, to);
  if (changed === create) throw new Error("notification_outbox: recipient_id not found");
  // the id sequence goes on where it was (notifications refer to outbox ids)
  const { rows: seq } = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence
    WHERE name = 'notification_outbox'`.execute(db);
  await sql.raw(changed).execute(db);
  await sql`INSERT INTO notification_outbox_next SELECT * FROM notification_outbox`.execute(db);
  await sql`DROP TABLE notification_outbox`.execute(db);
  await sql`ALTER TABLE notification_outbox_next RENAME TO notification_outbox`.execute(db);
  if (seq[0]) {
    await sql`DELETE FROM sqlite_sequence WHERE name = 'notification_outbox'`.execute(db);
    await sql`INSERT INTO sqlite_sequence (name, seq)
      VALUES ('notification_outbox', ${seq[0].seq})`.execute(db);
  }
  for (const index of INDEXES) await index.execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres")
    await sql`ALTER TABLE notification_outbox ALTER COLUMN recipient_id DROP NOT NULL`.execute(db);
  else await rebuildSqlite(db, /"recipient_id" integer not null/i, '"recipient_id" integer');
}

export async function down(db: AnyDb): Promise<void> {
  await sql`DELETE FROM notification_outbox WHERE recipient_id IS NULL`.execute(db);
  if (dialectOf(db) === "postgres")
    await sql`ALTER TABLE notification_outbox ALTER COLUMN recipient_id SET NOT NULL`.execute(db);
  else await rebuildSqlite(db, /"recipient_id" integer/i, '"recipient_id" integer not null');
}
