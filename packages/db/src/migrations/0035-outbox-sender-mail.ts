/**
 * The outbox also carries e-mails to an address with no account — a PAKN sender told that the
 * submission was received and that it is answered: `recipient_id` may be null (such a row is
 * only ever an e-mail, sent at once, never held for a digest). SQLite cannot drop a NOT NULL:
 * the table is rebuilt (no table refers to it).
 */
import { sql } from "kysely";
import { dialectOf, type AnyDb } from "./migration.helpers.js";
import { rebuildSqliteTable } from "./sqlite-rebuild.js";

const INDEXES = [
  sql`CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at)`,
  sql`CREATE INDEX notification_outbox_message ON notification_outbox (message_id)`,
];

const rebuild = (from: RegExp, to: string) => ({
  table: "notification_outbox",
  changes: [{ from, to }],
  indexes: INDEXES,
});

export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres")
    await sql`ALTER TABLE notification_outbox ALTER COLUMN recipient_id DROP NOT NULL`.execute(db);
  else
    await rebuildSqliteTable(
      db,
      rebuild(/"recipient_id" integer not null/i, '"recipient_id" integer'),
    );
}

export async function down(db: AnyDb): Promise<void> {
  await sql`DELETE FROM notification_outbox WHERE recipient_id IS NULL`.execute(db);
  if (dialectOf(db) === "postgres")
    await sql`ALTER TABLE notification_outbox ALTER COLUMN recipient_id SET NOT NULL`.execute(db);
  else
    await rebuildSqliteTable(
      db,
      rebuild(/"recipient_id" integer/i, '"recipient_id" integer not null'),
    );
}
