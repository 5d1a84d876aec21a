/**
 * Per-unit status counts for one day (normally today), so that the dashboard's chart by lead
 * unit and the unit scorecards do not read every task: `task_lead_counts` (lead-counts.sql.ts)
 * counts, for each first lead unit, the tasks in force by status as of `task_status_day.as_of`.
 * Triggers take a task's old status away and add its new one, as of that day, in the same
 * transaction as every write to `tasks`; when the day or the due-soon window changes, the server
 * rebuilds the table from the tasks (repositories/lead-counts.ts). The day starts as '' (no day
 * yet): counts for it are consistent, and never read.
 * On PostgreSQL a trigger first takes a share lock on the day row, which a rebuild updates, so a
 * write is counted either by the rebuild or by its trigger as of the new day, never both; the
 * two unit rows of a reassignment are locked in key order, so that concurrent moves cannot
 * deadlock.
 */
import { sql } from "kysely";
import { applyRow, fillLeadCounts, LEAD_COUNT_COLUMNS } from "../repositories/lead-counts.sql.js";
import { dialectOf } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";
import {
  createPostgresTaskTriggers,
  createSqliteTaskTriggers,
  dropTaskTriggers,
} from "./task-triggers.js";
import type { TriggerRow } from "./task-triggers.js";

const COUNTED = (row: TriggerRow) =>
  sql.raw(
    `${row}.lead_org_id IS NOT NULL AND ${row}.removed_at IS NULL AND ${row}.cancelled_at IS NULL`,
  );
const KEY = (row: TriggerRow) => sql.raw(`(${row}.lead_org_id, ${row}.confidential)`);
const WATCHED = sql.raw(
  "lead_org_id, kind, due_date, completed_on, confidential, removed_at, cancelled_at",
);

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("task_status_day")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("soon_until", "text", (c) => c.notNull())
    .execute();
  await db.insertInto("task_status_day").values({ id: 1, as_of: "", soon_until: "" }).execute();
  let table = db.schema
    .createTable("task_lead_counts")
    .addColumn("lead_org_id", "integer", (c) =>
      c.notNull().references("organisations.id").onDelete("cascade"),
    )
    .addColumn("confidential", "integer", (c) => c.notNull());
  for (const code of LEAD_COUNT_COLUMNS)
    table = table.addColumn(code, "integer", (c) => c.notNull().defaultTo(0));
  await table
    .addPrimaryKeyConstraint("task_lead_counts_pk", ["lead_org_id", "confidential"])
    .execute();
  if (dialectOf(db) === "postgres") await postgresTriggers(db);
  else await sqliteTriggers(db);
  await fillLeadCounts(db);
}

async function sqliteTriggers(db: AnyDb): Promise<void> {
  await createSqliteTaskTriggers(db, "tasks_lead_counts", WATCHED, {
    when: COUNTED,
    apply: applyRow,
  });
}

async function postgresTriggers(db: AnyDb): Promise<void> {
  const same = sql.raw(
    "(OLD.lead_org_id, OLD.confidential, OLD.kind, OLD.due_date, OLD.completed_on) IS NOT DISTINCT FROM (NEW.lead_org_id, NEW.confidential, NEW.kind, NEW.due_date, NEW.completed_on)",
  );
  await sql`CREATE FUNCTION tasks_lead_counts() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_in boolean := TG_OP <> 'INSERT' AND ${COUNTED("OLD")};
      new_in boolean := TG_OP <> 'DELETE' AND ${COUNTED("NEW")};
      old_first boolean := true;
    BEGIN
      IF NOT old_in AND NOT new_in THEN RETURN NULL; END IF;
      IF old_in AND new_in THEN
        IF ${same} THEN RETURN NULL; END IF;
        old_first := ${KEY("OLD")} <= ${KEY("NEW")};
      END IF;
      PERFORM 1 FROM task_status_day FOR SHARE;
      IF old_in AND old_first THEN ${applyRow("OLD", -1)} END IF;
      IF new_in THEN ${applyRow("NEW", 1)} END IF;
      IF old_in AND NOT old_first THEN ${applyRow("OLD", -1)} END IF;
      RETURN NULL;
    END $$`.execute(db);
  await createPostgresTaskTriggers(db, "tasks_lead_counts", WATCHED);
}

export async function down(db: AnyDb): Promise<void> {
  await dropTaskTriggers(db, "tasks_lead_counts");
  await db.schema.dropTable("task_lead_counts").execute();
  await db.schema.dropTable("task_status_day").execute();
}
