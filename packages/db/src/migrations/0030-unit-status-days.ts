/**
 * Per-unit status counts as of ANY date (the dashboard's chart by lead unit, the scorecards'
 * tasks), replacing migration 0007's counts kept for at most 8 dates, each first request for
 * another date counting every task (~1 s at 1M tasks): `unit_status_days` keeps each task's
 * status events per unit (status-day-events.sql.ts), which a date sums. The due-soon window is
 * part of the events, so they are kept per window listed in `task_soon_windows` — the default
 * one here; a server configured with another adds it at start (repositories/lead-counts.ts).
 * Triggers on `tasks` keep them in the same transaction as every write; on PostgreSQL they first
 * take ROW SHARE on `task_soon_windows` (adding a window locks it EXCLUSIVE) and update the old
 * unit's rows and the new one's in key order.
 */
import { DEFAULT_DUE_SOON_DAYS, STATUS_CODES } from "@giamsat/core";
import { sql } from "kysely";
import * as m0006 from "./0006-task-lead-counts.js";
import * as m0007 from "./0007-task-count-days.js";
import { dropLeadCountTriggers } from "./lead-count-triggers.js";
import { dialectOf } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";
import { applyStatusEvents, COUNTED } from "./status-day-events.sql.js";
import {
  createPostgresTaskTriggers,
  createSqliteTaskTriggers,
  dropTaskTriggers,
} from "./task-triggers.js";
import type { TriggerRow } from "./task-triggers.js";

const NAME = "tasks_status_days";
const WATCHED = sql.raw(
  "lead_org_id, kind, due_date, completed_on, confidential, removed_at, cancelled_at",
);
const SAME =
  "(OLD.lead_org_id, OLD.confidential, OLD.kind, OLD.due_date, OLD.completed_on) IS NOT DISTINCT FROM (NEW.lead_org_id, NEW.confidential, NEW.kind, NEW.due_date, NEW.completed_on)";
const KEY = (row: TriggerRow) => `(${row}.lead_org_id, ${row}.confidential)`;

export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  await dropLeadCountTriggers(db);
  await db.schema.dropTable("task_lead_counts").execute();
  await db.schema.dropTable("task_count_days").execute();
  await db.schema
    .createTable("task_soon_windows")
    .addColumn("days", "integer", (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable("unit_status_days")
    .addColumn("soon_days", "integer", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("day_key", "text", (c) => c.notNull())
    .addColumn("lead_org_id", "integer", (c) => c.notNull())
    .addColumn("confidential", "integer", (c) => c.notNull())
    .$call((table) => {
      let t = table;
      for (const code of STATUS_CODES) t = t.addColumn(code, "integer", (c) => c.notNull());
      return t;
    })
    .addPrimaryKeyConstraint("unit_status_days_pk", [
      "soon_days",
      "level",
      "day_key",
      "lead_org_id",
      "confidential",
    ])
    .execute();
  await db.insertInto("task_soon_windows").values({ days: DEFAULT_DUE_SOON_DAYS }).execute();
  await sql.raw(applyStatusEvents(dialect, "t", 1, COUNTED("t"))).execute(db);
  const apply = (row: TriggerRow, sign: 1 | -1) => sql.raw(applyStatusEvents(dialect, row, sign));
  if (dialect === "sqlite") {
    await createSqliteTaskTriggers(db, NAME, WATCHED, {
      when: (row) => sql.raw(COUNTED(row)),
      apply,
    });
    return;
  }
  await sql`CREATE FUNCTION ${sql.raw(NAME)}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_in boolean := TG_OP <> 'INSERT' AND ${sql.raw(COUNTED("OLD"))};
      new_in boolean := TG_OP <> 'DELETE' AND ${sql.raw(COUNTED("NEW"))};
      old_first boolean := true;
    BEGIN
      IF NOT old_in AND NOT new_in THEN RETURN NULL; END IF;
      IF old_in AND new_in THEN
        IF ${sql.raw(SAME)} THEN RETURN NULL; END IF;
        old_first := ${sql.raw(KEY("OLD"))} <= ${sql.raw(KEY("NEW"))};
      END IF;
      LOCK TABLE task_soon_windows IN ROW SHARE MODE;
      IF old_in AND old_first THEN ${apply("OLD", -1)} END IF;
      IF new_in THEN ${apply("NEW", 1)} END IF;
      IF old_in AND NOT old_first THEN ${apply("OLD", -1)} END IF;
      RETURN NULL;
    END $$`.execute(db);
  await createPostgresTaskTriggers(db, NAME, WATCHED);
}

export async function down(db: AnyDb): Promise<void> {
  await dropTaskTriggers(db, NAME);
  await db.schema.dropTable("unit_status_days").execute();
  await db.schema.dropTable("task_soon_windows").execute();
  await m0006.up(db);
  await m0007.up(db);
}
