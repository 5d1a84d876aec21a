/**
 * Per-unit status counts as of any date (migration 0030): a task in force has one status on each
 * day, and the days of each status form one interval — for a dated task not done yet, in time
 * until `due − k` (k the due-soon window), due soon until the due date, overdue after it, done
 * from its completion on (core's taskStatus; task-status.sql.ts in SQL). So a task is a few
 * events: +1 to a status on the day its interval starts, −1 on the day it ends (`''` stands for
 * "always"). Summed up to a date per unit, the events give each status's count on that date.
 *
 * Each event is kept at three levels — its year, its month and its day — so that a date reads
 * the years before its own, the months of its year before its own and the days of its month up
 * to it: a few dozen rows per unit however long the history.
 */
import { STATUS_CODES } from "@giamsat/core";
import type { DialectName } from "../connection.js";
import { DAY_LEVELS } from "./day-levels.sql.js";

type Row = "NEW" | "OLD" | "t";

/**
 * PostgreSQL refuses to cast a date that is no date ("2026-13-45", "2026-02-30"), which would make
 * the write itself fail; SQLite's date() gives NULL. So on PostgreSQL a day is first checked by
 * shape (month 01–12, day 01–31), then by counting from the first of its month (nested CASE: the
 * inner cast runs only on the shape's say-so), and anything else gives no event, as on SQLite.
 */
const VALID_DAY = {
  postgres: (day: string, then: string) =>
    `CASE WHEN ${day} ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN CASE WHEN to_char((left(${day}, 8) || '01')::date + (right(${day}, 2)::int - 1), 'YYYY-MM-DD') = ${day} THEN ${then} END END`,
};

const ADD_DAYS = {
  sqlite: (day: string, days: string) => `date(${day}, (${days}) || ' days')`,
  postgres: (day: string, days: string) =>
    VALID_DAY.postgres(day, `to_char(${day}::date + (${days}), 'YYYY-MM-DD')`),
};

/**
 * The events of a task row (NEW, OLD, or `t` over tasks) for each kept window `w`: rows of
 * (soon_days, status, day, delta). A date that is no date gives no event.
 */
function events(dialect: DialectName, r: Row, where: string): string {
  const add = ADD_DAYS[dialect];
  const [d, c] = [`${r}.due_date`, `${r}.completed_on`];
  const soon = add(d, "-w.days");
  const after = add(d, "1");
  const e1 = `CASE WHEN ${c} IS NOT NULL AND ${c} < ${soon} THEN ${c} ELSE ${soon} END`;
  const e2 = `CASE WHEN ${c} IS NOT NULL AND ${c} < ${after} THEN ${c} ELSE ${after} END`;
  const done = `CASE WHEN ${d} IS NOT NULL AND ${c} > ${d} THEN 'done_late' ELSE 'done_on_time' END`;
  const from = r === "t" ? "tasks t CROSS JOIN task_soon_windows w" : "task_soon_windows w";
  const once = `${r}.kind <> 'recurring'`;
  const branch = (status: string, day: string, delta: number, when: string) =>
    `SELECT w.days AS soon_days, ${r}.lead_org_id AS lead_org_id, ${r}.confidential AS confidential,
      ${status} AS status, ${day} AS day, ${delta} AS delta FROM ${from} WHERE ${when} AND ${where}`;
  return [
    branch("'recurring'", "''", 1, `${r}.kind = 'recurring'`),
    branch("'no_deadline'", "''", 1, `${once} AND ${d} IS NULL`),
    branch("'no_deadline'", c, -1, `${once} AND ${d} IS NULL AND ${c} IS NOT NULL`),
    branch("'in_time'", "''", 1, `${once} AND ${d} IS NOT NULL`),
    branch("'in_time'", e1, -1, `${once} AND ${d} IS NOT NULL`),
    branch("'due_soon'", e1, 1, `${once} AND ${d} IS NOT NULL`),
    branch("'due_soon'", e2, -1, `${once} AND ${d} IS NOT NULL`),
    branch("'overdue'", e2, 1, `${once} AND ${d} IS NOT NULL`),
    branch("'overdue'", c, -1, `${once} AND ${d} IS NOT NULL AND ${c} IS NOT NULL`),
    branch(done, c, 1, `${once} AND ${c} IS NOT NULL`),
  ].join("\nUNION ALL\n");
}

const KEY = "soon_days, level, day_key, lead_org_id, confidential";
const COLUMNS = STATUS_CODES.join(", ");

/**
 * Adds (1) or takes away (-1) a row's events at every kept window and level (`where` on the row
 * and the window `w`); with r = `t`, every task's (a window's first fill). One row per level,
 * day, unit and confidentiality, one column per status.
 */
export function applyStatusEvents(
  dialect: DialectName,
  r: Row,
  sign: 1 | -1,
  where = "true",
): string {
  const sums = STATUS_CODES.map(
    (code) => `${sign} * SUM(CASE WHEN e.status = '${code}' THEN e.delta ELSE 0 END)`,
  );
  const updates = STATUS_CODES.map((c) => `${c} = unit_status_days.${c} + excluded.${c}`);
  return `INSERT INTO unit_status_days (${KEY}, ${COLUMNS})
    SELECT e.soon_days, l.level, substr(e.day, 1, l.len), e.lead_org_id, e.confidential,
      ${sums.join(", ")}
    FROM (${events(dialect, r, where)}) e CROSS JOIN (${DAY_LEVELS}) l
    WHERE e.day IS NOT NULL
    GROUP BY e.soon_days, l.level, substr(e.day, 1, l.len), e.lead_org_id, e.confidential
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (${KEY}) DO UPDATE SET ${updates.join(", ")};`;
}

/** The tasks counted: in force, with a first lead unit (the lead counts' rule). */
export const COUNTED = (r: Row) =>
  `${r}.lead_org_id IS NOT NULL AND ${r}.removed_at IS NULL AND ${r}.cancelled_at IS NULL`;
