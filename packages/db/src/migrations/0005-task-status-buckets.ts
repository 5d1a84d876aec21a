/**
 * National status counts without reading every task: `task_status_buckets` holds how many tasks
 * in force share each (confidential, kind, due_date, completed_on) — everything the status
 * expression reads — so a count as of any date sums a few thousand bucket rows, however many
 * tasks there are (dates are bounded: ~31k buckets at 1M generated tasks, ~1 per 30 tasks).
 * Triggers keep it exact in the same transaction as every write to `tasks` (import, report
 * review, change requests, removal, cancellation, bulk loads). A missing date is stored as ''
 * (NULLs would not match in the unique key). On PostgreSQL the two bucket rows an update touches
 * are locked in key order, so that concurrent moves cannot deadlock.
 */
import { sql } from "kysely";
import { dialectOf } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";
import { FILL_STATUS_BUCKETS } from "./status-buckets.sql.js";
import {
  createPostgresTaskTriggers,
  createSqliteTaskTriggers,
  dropTaskTriggers,
} from "./task-triggers.js";
import type { TriggerRow } from "./task-triggers.js";

const KEY = ["confidential", "kind", "due_date", "completed_on"] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("task_status_buckets")
    .addColumn("confidential", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("completed_on", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("task_status_buckets_pk", [...KEY])
    .execute();
  if (dialectOf(db) === "postgres") await postgresTriggers(db);
  else await sqliteTriggers(db);
  await sql.raw(FILL_STATUS_BUCKETS).execute(db);
}

const ACTIVE = (row: TriggerRow) =>
  sql.raw(`${row}.removed_at IS NULL AND ${row}.cancelled_at IS NULL`);
const VALUES = (row: TriggerRow) =>
  sql.raw(
    `${row}.confidential, ${row}.kind, COALESCE(${row}.due_date, ''), COALESCE(${row}.completed_on, '')`,
  );
const MATCH = (row: TriggerRow) =>
  sql.raw(
    `confidential = ${row}.confidential AND kind = ${row}.kind AND due_date = COALESCE(${row}.due_date, '') AND completed_on = COALESCE(${row}.completed_on, '')`,
  );
const WATCHED = sql.raw("kind, due_date, completed_on, confidential, removed_at, cancelled_at");

function add(row: TriggerRow) {
  return sql`INSERT INTO task_status_buckets (confidential, kind, due_date, completed_on, n)
    VALUES (${VALUES(row)}, 1)
    ON CONFLICT (confidential, kind, due_date, completed_on) DO UPDATE SET n = task_status_buckets.n + 1;`;
}

function remove(row: TriggerRow) {
  return sql`UPDATE task_status_buckets SET n = n - 1 WHERE ${MATCH(row)};
    DELETE FROM task_status_buckets WHERE ${MATCH(row)} AND n = 0;`;
}

async function sqliteTriggers(db: AnyDb): Promise<void> {
  await createSqliteTaskTriggers(db, "tasks_buckets", WATCHED, {
    when: ACTIVE,
    apply: (row, sign) => (sign > 0 ? add(row) : remove(row)),
  });
}

async function postgresTriggers(db: AnyDb): Promise<void> {
  await sql`CREATE FUNCTION tasks_buckets() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_in boolean := TG_OP <> 'INSERT' AND ${ACTIVE("OLD")};
      new_in boolean := TG_OP <> 'DELETE' AND ${ACTIVE("NEW")};
      old_first boolean;
    BEGIN
      IF old_in AND new_in THEN
        IF (${VALUES("OLD")}) = (${VALUES("NEW")}) THEN RETURN NULL; END IF;
        old_first := (${VALUES("OLD")}) < (${VALUES("NEW")});
      ELSE
        old_first := true;
      END IF;
      IF old_in AND old_first THEN ${remove("OLD")} END IF;
      IF new_in THEN ${add("NEW")} END IF;
      IF old_in AND NOT old_first THEN ${remove("OLD")} END IF;
      RETURN NULL;
    END $$`.execute(db);
  await createPostgresTaskTriggers(db, "tasks_buckets", WATCHED);
}

export async function down(db: AnyDb): Promise<void> {
  await dropTaskTriggers(db, "tasks_buckets");
  await db.schema.dropTable("task_status_buckets").execute();
}
