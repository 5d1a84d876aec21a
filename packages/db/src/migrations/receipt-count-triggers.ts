/**
 * Triggers keeping the report timeliness counts of migration 0028 exact in the same transaction
 * as every write they depend on. Each count is a sum over a view (receipt-windows.sql.ts); a
 * write takes the rows it touches out of the sums BEFORE it changes them (the views still show
 * the old rows) and adds them back AFTER (the views show the new ones). So every table a view
 * reads has both: `report_receipts`, `tasks`, `plans`, `reporting_calendars`. The first
 * accepted receipt per task and period (`report_receipts`) is recomputed after every write to
 * an accepted report. On PostgreSQL the summed rows are upserted in key order, so that
 * concurrent writes lock them in one order.
 */
import { sql } from "kysely";
import { dialectOf } from "./migration.helpers.js";
import { DAY_LEVELS } from "./day-levels.sql.js";
import { nextDaySql, vietnamDaySql } from "./receipt-windows.sql.js";
import type { AnyDb } from "./migration.helpers.js";

type Row = "NEW" | "OLD";
type Sign = 1 | -1;

/**
 * The counts' layout: migration 0028 kept one row per day; 0033 keeps each day's counts at three
 * levels — its year, month and day (`level`, `day_key`) — so that a date reads a few dozen rows
 * per unit (day-levels.sql.ts), and counts a receipt's period as closed from the day after its
 * due date (so that both sums are "up to the date").
 */
export type CountLayout = "days" | "levels";

/** Adds (1) or takes away (-1) the rows of report_receipt_windows matching `where`. */
function applyReceiptDays(sign: Sign, where: string, layout: CountLayout, d: Dates): string {
  const levels = layout === "levels";
  const closedOn = levels ? d.nextDay("due_on") : "due_on";
  const events = `SELECT lead_org_id, confidential, counted_on AS day, 1 AS received, 0 AS due
        FROM report_receipt_windows WHERE ${where}
      UNION ALL
      SELECT lead_org_id, confidential, ${closedOn}, 0, 1 FROM report_receipt_windows WHERE ${where}`;
  const key = levels
    ? "level, day_key, lead_org_id, confidential"
    : "lead_org_id, confidential, day";
  const from = levels
    ? `SELECT l.level, substr(x.day, 1, l.len) AS day_key, x.lead_org_id, x.confidential,
        x.received, x.due FROM (${events}) x CROSS JOIN (${DAY_LEVELS}) l`
    : events;
  return `INSERT INTO unit_receipt_days (${key}, received, due)
    SELECT ${key}, ${sign} * SUM(received), ${sign} * SUM(due) FROM (${from}) x
    GROUP BY ${key} ORDER BY ${key}
    ON CONFLICT (${key}) DO UPDATE
      SET received = unit_receipt_days.received + excluded.received,
        due = unit_receipt_days.due + excluded.due;`;
}

/** Adds (1) or takes away (-1) the rows of recurring_task_windows matching `where`. */
function applyTaskWindows(sign: Sign, where: string, layout: CountLayout): string {
  const levels = layout === "levels";
  const key = levels
    ? "level, day_key, lead_org_id, confidential, frequency, due_day"
    : "lead_org_id, confidential, frequency, due_day, day";
  const from = levels
    ? `SELECT l.level, substr(w.day, 1, l.len) AS day_key, w.lead_org_id, w.confidential,
        w.frequency, w.due_day, w.tasks, w.weight
      FROM recurring_task_windows w CROSS JOIN (${DAY_LEVELS}) l WHERE ${where}`
    : `SELECT * FROM recurring_task_windows WHERE ${where}`;
  return `INSERT INTO unit_recurring_days (${key}, tasks, weight)
    SELECT ${key}, ${sign} * SUM(tasks), ${sign} * SUM(weight) FROM (${from}) x
    GROUP BY ${key} ORDER BY ${key}
    ON CONFLICT (${key}) DO UPDATE
      SET tasks = unit_recurring_days.tasks + excluded.tasks,
        weight = unit_recurring_days.weight + excluded.weight;`;
}

type Dates = {
  vietnamDay: (ts: string) => string;
  nextDay: (day: string) => string;
  distinct: string;
};

/** The first accepted receipt of one task and period, recomputed from its reports. */
function recomputeReceipt(row: Row, d: Dates): string {
  const key = `task_id = ${row}.task_id AND period_key = ${row}.period_key`;
  const first = `(SELECT MIN(submitted_at) FROM progress_reports WHERE ${key} AND status = 'accepted')`;
  return `DELETE FROM report_receipts WHERE ${key} AND first_at ${d.distinct} ${first};
    INSERT INTO report_receipts (task_id, period_key, first_at, received_on)
    SELECT task_id, period_key, MIN(submitted_at), ${d.vietnamDay("MIN(submitted_at)")}
    FROM progress_reports
    WHERE ${key} AND status = 'accepted'
      AND EXISTS (SELECT 1 FROM tasks WHERE tasks.id = ${row}.task_id)
    GROUP BY task_id, period_key
    ON CONFLICT (task_id, period_key) DO NOTHING;`;
}

type Event = "INSERT" | "UPDATE" | "DELETE";

/** One trigger per timing and table: what it does with the row it sees, and when. */
interface Hook {
  name: string;
  table: string;
  timing: "BEFORE" | "AFTER";
  /** each event with the row it reads: OLD for DELETE, NEW for INSERT, either for UPDATE */
  events: [Event, Row][];
  /** for UPDATE: only when one of these changed */
  columns?: string[];
  /** a further condition on the row read */
  when?: (row: Row) => string;
  body: (row: Row) => string;
}

const TASK_COLUMNS = [
  "plan_id",
  "lead_org_id",
  "confidential",
  "kind",
  "cancelled_at",
  "removed_at",
];
const PLAN_COLUMNS = ["tracked_from", "imported_at"];
const receiptKey = (r: Row) => `task_id = ${r}.task_id AND period_key = ${r}.period_key`;
const accepted = (r: Row) => (r === "NEW" ? "NEW.status = 'accepted'" : "OLD.status = 'accepted'");

function hooks(d: Dates, layout: CountLayout): Hook[] {
  const both = (sign: Sign, where: string) =>
    applyTaskWindows(sign, where, layout) + applyReceiptDays(sign, where, layout, d);
  return [
    {
      name: "receipts_out",
      table: "report_receipts",
      timing: "BEFORE",
      events: [["DELETE", "OLD"]],
      body: (r) => applyReceiptDays(-1, receiptKey(r), layout, d),
    },
    {
      name: "receipts_in",
      table: "report_receipts",
      timing: "AFTER",
      events: [["INSERT", "NEW"]],
      body: (r) => applyReceiptDays(1, receiptKey(r), layout, d),
    },
    {
      name: "timeliness_tasks_out",
      table: "tasks",
      timing: "BEFORE",
      events: [["UPDATE", "OLD"]],
      columns: TASK_COLUMNS,
      body: (r) => both(-1, `task_id = ${r}.id`),
    },
    {
      name: "timeliness_tasks_gone",
      table: "tasks",
      timing: "BEFORE",
      events: [["DELETE", "OLD"]],
      body: (r) =>
        applyTaskWindows(-1, `task_id = ${r}.id`, layout) +
        `DELETE FROM report_receipts WHERE task_id = ${r}.id;`,
    },
    {
      name: "timeliness_tasks_in",
      table: "tasks",
      timing: "AFTER",
      events: [
        ["INSERT", "NEW"],
        ["UPDATE", "NEW"],
      ],
      columns: TASK_COLUMNS,
      body: (r) => both(1, `task_id = ${r}.id`),
    },
    {
      name: "timeliness_plans_out",
      table: "plans",
      timing: "BEFORE",
      events: [
        ["UPDATE", "OLD"],
        ["DELETE", "OLD"],
      ],
      columns: PLAN_COLUMNS,
      body: (r) => both(-1, `plan_id = ${r}.id`),
    },
    {
      name: "timeliness_plans_in",
      table: "plans",
      timing: "AFTER",
      events: [["UPDATE", "NEW"]],
      columns: PLAN_COLUMNS,
      body: (r) => both(1, `plan_id = ${r}.id`),
    },
    {
      name: "timeliness_calendars_out",
      table: "reporting_calendars",
      timing: "BEFORE",
      events: [
        ["INSERT", "NEW"],
        ["UPDATE", "OLD"],
        ["DELETE", "OLD"],
      ],
      body: (r) => both(-1, `plan_id = ${r}.plan_id`),
    },
    {
      name: "timeliness_calendars_in",
      table: "reporting_calendars",
      timing: "AFTER",
      events: [
        ["INSERT", "NEW"],
        ["UPDATE", "NEW"],
        ["DELETE", "OLD"],
      ],
      body: (r) => both(1, `plan_id = ${r}.plan_id`),
    },
    {
      // an accepted report written, or a report's status leaving or reaching accepted
      name: "timeliness_reports",
      table: "progress_reports",
      timing: "AFTER",
      events: [
        ["INSERT", "NEW"],
        ["UPDATE", "NEW"],
        ["DELETE", "OLD"],
      ],
      columns: ["task_id", "period_key", "status", "submitted_at"],
      when: (r) =>
        r === "NEW" ? "(OLD.status = 'accepted' OR NEW.status = 'accepted')" : accepted(r),
      body: (r) => recomputeReceipt(r, d),
    },
    {
      // a report moved to another task or period (never done by the program): its old key
      name: "timeliness_reports_moved",
      table: "progress_reports",
      timing: "AFTER",
      events: [["UPDATE", "OLD"]],
      columns: ["task_id", "period_key"],
      when: () => "OLD.status = 'accepted'",
      body: (r) => recomputeReceipt(r, d),
    },
  ];
}

/** The condition under which a hook runs for one event, or null. */
function guard(hook: Hook, event: Event, row: Row, distinct: string): string | null {
  const parts: string[] = [];
  if (event === "UPDATE" && hook.columns)
    parts.push(`(${hook.columns.map((c) => `OLD.${c} ${distinct} NEW.${c}`).join(" OR ")})`);
  // INSERT has no OLD: the report's own status
  if (hook.when) parts.push(event === "INSERT" ? accepted("NEW") : hook.when(row));
  return parts.length ? parts.join(" AND ") : null;
}

const SQLITE: Dates = {
  vietnamDay: (ts) => vietnamDaySql("sqlite", ts),
  nextDay: (day) => nextDaySql("sqlite", day),
  distinct: "IS NOT",
};
const POSTGRES: Dates = {
  vietnamDay: (ts) => vietnamDaySql("postgres", ts),
  nextDay: (day) => nextDaySql("postgres", day),
  distinct: "IS DISTINCT FROM",
};

async function sqliteTriggers(db: AnyDb, layout: CountLayout): Promise<void> {
  for (const hook of hooks(SQLITE, layout)) {
    for (const [event, row] of hook.events) {
      const of = event === "UPDATE" && hook.columns ? ` OF ${hook.columns.join(", ")}` : "";
      const condition = guard(hook, event, row, SQLITE.distinct);
      await sql
        .raw(
          `CREATE TRIGGER ${hook.name}_${event.toLowerCase()} ${hook.timing} ${event}${of}
          ON ${hook.table}${condition ? ` WHEN ${condition}` : ""}
          BEGIN ${hook.body(row)} END`,
        )
        .execute(db);
    }
  }
}

async function postgresTriggers(db: AnyDb, layout: CountLayout): Promise<void> {
  for (const hook of hooks(POSTGRES, layout)) {
    const branches = hook.events.map(([event, row]) => {
      const condition = guard(hook, event, row, POSTGRES.distinct);
      return `IF TG_OP = '${event}'${condition ? ` AND ${condition}` : ""} THEN
        ${hook.body(row)}
      END IF;`;
    });
    const result =
      hook.timing === "AFTER"
        ? "RETURN NULL;"
        : "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;";
    await sql
      .raw(
        `CREATE FUNCTION ${hook.name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${branches.join("\n")} ${result} END $$`,
      )
      .execute(db);
    const events = hook.events.map(([event]) =>
      event === "UPDATE" && hook.columns ? `UPDATE OF ${hook.columns.join(", ")}` : event,
    );
    await sql
      .raw(
        `CREATE TRIGGER ${hook.name} ${hook.timing} ${events.join(" OR ")} ON ${hook.table}
        FOR EACH ROW EXECUTE FUNCTION ${hook.name}()`,
      )
      .execute(db);
  }
}

/** The first receipts of the accepted reports there are (the triggers keep them after). */
export function fillReceipts(db: AnyDb) {
  const d = dialectOf(db) === "postgres" ? POSTGRES : SQLITE;
  return sql
    .raw(
      `INSERT INTO report_receipts (task_id, period_key, first_at, received_on)
      SELECT task_id, period_key, MIN(submitted_at), ${d.vietnamDay("MIN(submitted_at)")}
      FROM progress_reports WHERE status = 'accepted' GROUP BY task_id, period_key`,
    )
    .execute(db);
}

/** Both sums over everything there is (after fillReceipts). */
export async function fillTimelinessCounts(db: AnyDb, layout: CountLayout): Promise<void> {
  const d = dialectOf(db) === "postgres" ? POSTGRES : SQLITE;
  await sql.raw(applyTaskWindows(1, "1 = 1", layout)).execute(db);
  await sql.raw(applyReceiptDays(1, "1 = 1", layout, d)).execute(db);
}

export async function createTimelinessTriggers(db: AnyDb, layout: CountLayout): Promise<void> {
  if (dialectOf(db) === "postgres") await postgresTriggers(db, layout);
  else await sqliteTriggers(db, layout);
}

export async function dropTimelinessTriggers(db: AnyDb): Promise<void> {
  const postgres = dialectOf(db) === "postgres";
  for (const hook of hooks(SQLITE, "days")) {
    if (postgres) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${hook.name} ON ${hook.table}`).execute(db);
      await sql.raw(`DROP FUNCTION IF EXISTS ${hook.name}()`).execute(db);
    } else {
      for (const [event] of hook.events)
        await sql.raw(`DROP TRIGGER IF EXISTS ${hook.name}_${event.toLowerCase()}`).execute(db);
    }
  }
}
