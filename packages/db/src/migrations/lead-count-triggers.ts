/**
 * The triggers keeping `task_lead_counts` (migrations 0006 and 0007): a task's old status is
 * taken away and its new one added, as of every day of the source, in the same transaction as
 * the write. On PostgreSQL the function first takes the source's lock (a rebuild holds a
 * conflicting one), so that a write is counted either by the rebuild or by its trigger, never
 * both; the two unit rows of a reassignment are updated in key order, so that concurrent moves
 * cannot deadlock.
 */
import { sql } from "kysely";
import { applyRow } from "../repositories/lead-counts.sql.js";
import type { DaySource } from "../repositories/lead-counts.sql.js";
import { dialectOf } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";
import {
  createPostgresTaskTriggers,
  createSqliteTaskTriggers,
  dropTaskTriggers,
} from "./task-triggers.js";
import type { TriggerRow } from "./task-triggers.js";

const NAME = "tasks_lead_counts";
const COUNTED = (row: TriggerRow) =>
  sql.raw(
    `${row}.lead_org_id IS NOT NULL AND ${row}.removed_at IS NULL AND ${row}.cancelled_at IS NULL`,
  );
const KEY = (row: TriggerRow) => sql.raw(`(${row}.lead_org_id, ${row}.confidential)`);
const WATCHED = sql.raw(
  "lead_org_id, kind, due_date, completed_on, confidential, removed_at, cancelled_at",
);
const SAME = sql.raw(
  "(OLD.lead_org_id, OLD.confidential, OLD.kind, OLD.due_date, OLD.completed_on) IS NOT DISTINCT FROM (NEW.lead_org_id, NEW.confidential, NEW.kind, NEW.due_date, NEW.completed_on)",
);

export async function createLeadCountTriggers(db: AnyDb, days: DaySource): Promise<void> {
  const apply = (row: TriggerRow, sign: 1 | -1) => applyRow(days, row, sign);
  if (dialectOf(db) === "sqlite") {
    await createSqliteTaskTriggers(db, NAME, WATCHED, { when: COUNTED, apply });
    return;
  }
  await sql`CREATE FUNCTION ${sql.raw(NAME)}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_in boolean := TG_OP <> 'INSERT' AND ${COUNTED("OLD")};
      new_in boolean := TG_OP <> 'DELETE' AND ${COUNTED("NEW")};
      old_first boolean := true;
    BEGIN
      IF NOT old_in AND NOT new_in THEN RETURN NULL; END IF;
      IF old_in AND new_in THEN
        IF ${SAME} THEN RETURN NULL; END IF;
        old_first := ${KEY("OLD")} <= ${KEY("NEW")};
      END IF;
      ${sql.raw(days.postgresLock)};
      IF old_in AND old_first THEN ${apply("OLD", -1)} END IF;
      IF new_in THEN ${apply("NEW", 1)} END IF;
      IF old_in AND NOT old_first THEN ${apply("OLD", -1)} END IF;
      RETURN NULL;
    END $$`.execute(db);
  await createPostgresTaskTriggers(db, NAME, WATCHED);
}

export async function dropLeadCountTriggers(db: AnyDb): Promise<void> {
  await dropTaskTriggers(db, NAME);
}
