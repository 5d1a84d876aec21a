/**
 * The status engine of core (status/task-status.ts) as SQL over the `tasks` table, so that
 * counts and status filters run in the database at a million tasks. Same disjoint codes, same
 * rules: a completion counts only if on or before asOf; done late when after the due date;
 * overdue when asOf is after the due date; due soon when the due date is within dueSoonDays
 * days of asOf (the deadline day included). Dates are ISO text, so text comparison is date order.
 */
import { addDays, DEFAULT_DUE_SOON_DAYS } from "@giamsat/core";
import type { StatusCode } from "@giamsat/core";
import { sql } from "kysely";
import type { RawBuilder, SqlBool } from "kysely";

export interface StatusWindow {
  /** ISO date the status is computed as of */
  asOf: string;
  /** default 15 */
  dueSoonDays?: number;
}

/** The columns the status reads: `tasks`' own, or another table's holding the same values. */
export interface StatusColumns {
  kind: RawBuilder<unknown>;
  due: RawBuilder<unknown>;
  completed: RawBuilder<unknown>;
}

const TASK_COLUMNS: StatusColumns = {
  kind: sql.ref("tasks.kind"),
  due: sql.ref("tasks.due_date"),
  completed: sql.ref("tasks.completed_on"),
};
const { kind, due, completed } = TASK_COLUMNS;

/** The last day a deadline counts as "due soon" on (the deadline day included). */
export function soonLimit(w: StatusWindow): string {
  return addDays(w.asOf, w.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
}

/**
 * The two dates the status compares with, as SQL: bound values for a query, or expressions
 * (columns of another table) inside a trigger, where no value can be bound.
 */
export interface StatusBounds {
  asOf: RawBuilder<unknown>;
  soonUntil: RawBuilder<unknown>;
}

export function boundsOf(w: StatusWindow): StatusBounds {
  return { asOf: sql`${w.asOf}`, soonUntil: sql`${soonLimit(w)}` };
}

/** `CASE … END` giving the status code of each row of `tasks` (or of rows with `columns`). */
export function statusExpression(
  w: StatusWindow,
  columns: StatusColumns = TASK_COLUMNS,
): RawBuilder<StatusCode> {
  return statusCase(boundsOf(w), columns);
}

/** The same CASE with the dates given as SQL (see StatusBounds). */
export function statusCase(
  { asOf, soonUntil }: StatusBounds,
  { kind, due, completed }: StatusColumns = TASK_COLUMNS,
): RawBuilder<StatusCode> {
  return sql<StatusCode>`CASE
    WHEN ${kind} = 'recurring' THEN 'recurring'
    WHEN ${completed} IS NOT NULL AND ${completed} <= ${asOf} THEN
      CASE WHEN ${due} IS NOT NULL AND ${completed} > ${due} THEN 'done_late' ELSE 'done_on_time' END
    WHEN ${due} IS NULL THEN 'no_deadline'
    WHEN ${due} < ${asOf} THEN 'overdue'
    WHEN ${due} <= ${soonUntil} THEN 'due_soon'
    ELSE 'in_time'
  END`;
}

/** A WHERE condition true exactly for the tasks with one of the codes (index-friendly). */
export function statusPredicate(
  codes: readonly StatusCode[],
  w: StatusWindow,
): RawBuilder<SqlBool> {
  if (codes.length === 0) return sql<SqlBool>`1 = 0`;
  const done = sql`${kind} <> 'recurring' AND ${completed} IS NOT NULL AND ${completed} <= ${w.asOf}`;
  const open = sql`${kind} <> 'recurring' AND (${completed} IS NULL OR ${completed} > ${w.asOf})`;
  const soon = soonLimit(w);
  const one: Record<StatusCode, RawBuilder<unknown>> = {
    recurring: sql`${kind} = 'recurring'`,
    done_on_time: sql`${done} AND (${due} IS NULL OR ${completed} <= ${due})`,
    done_late: sql`${done} AND ${due} IS NOT NULL AND ${completed} > ${due}`,
    no_deadline: sql`${open} AND ${due} IS NULL`,
    overdue: sql`${open} AND ${due} < ${w.asOf}`,
    due_soon: sql`${open} AND ${due} >= ${w.asOf} AND ${due} <= ${soon}`,
    in_time: sql`${open} AND ${due} > ${soon}`,
  };
  const parts = [...new Set(codes)].map((code) => sql`(${one[code]})`);
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}
