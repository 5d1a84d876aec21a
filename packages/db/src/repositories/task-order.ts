/**
 * The orders a task list can be read in, as SQL (so that pages are exact at any scale). Every
 * order ends with plan order (plan, position in the plan), so pages never overlap; tasks
 * without the sort value (no due date, no resolved lead unit, not overdue) come last either way.
 */
import { sql } from "kysely";
import type { RawBuilder, SqlBool } from "kysely";
import { statusExpression, statusPredicate } from "./task-status.sql.js";
import type { StatusWindow } from "./task-status.sql.js";

export const TASK_ORDERS = ["number", "deadline", "daysOverdue", "name", "lead", "status"] as const;
/**
 * number: plan order (default) · deadline: due date · daysOverdue: overdue tasks first, `desc`
 * (its default) most days overdue first · name: folded name · lead: folded name of the first
 * lead unit · status: overdue, due soon, in time, no deadline, done late, done on time, recurring.
 */
export type TaskOrder = (typeof TASK_ORDERS)[number];
export type SortDirection = "asc" | "desc";

export interface TaskSort {
  orderBy?: TaskOrder;
  /** default asc, except daysOverdue: desc */
  dir?: SortDirection;
}

/**
 * Where a page read by key ended (its last task), for the next page to start after it without
 * an offset: a long walk (the national annex) then reads each row once.
 */
export type TaskCursor = { planId: number; ordinal: number; due: string | null };

const STATUS_RANK = [
  "overdue",
  "due_soon",
  "in_time",
  "no_deadline",
  "done_late",
  "done_on_time",
  "recurring",
] as const;

// a task's ordinal is its position in its plan: unique within the plan, so this is a total order
// (and the tasks_plan index gives it without sorting)
const planOrder = [sql`tasks.plan_id`, sql`tasks.ordinal`];

/**
 * The condition of the tasks after `cursor` in the sort's order: plan order, or most days
 * overdue first among overdue tasks only (their due dates are set). Other orders are read by
 * offset.
 */
export function afterCursor(sort: TaskSort & StatusOnly, cursor: TaskCursor): RawBuilder<SqlBool> {
  const plan = sql<SqlBool>`(tasks.plan_id, tasks.ordinal) > (${cursor.planId}, ${cursor.ordinal})`;
  if (overdueByDays(sort) && cursor.due)
    // a range of the due-date index, then the ties after the cursor
    return sql<SqlBool>`(tasks.due_date >= ${cursor.due} AND (tasks.due_date > ${cursor.due} OR ${plan}))`;
  if ((sort.orderBy ?? "number") === "number" && (sort.dir ?? "asc") === "asc") return plan;
  throw new Error(`no keyset reading for the order ${sort.orderBy ?? "number"} ${sort.dir ?? ""}`);
}

type StatusOnly = { status?: readonly string[] };

/** Overdue tasks only, most days overdue first: their due dates, earliest first. */
function overdueByDays(sort: TaskSort & StatusOnly): boolean {
  return (
    sort.orderBy === "daysOverdue" &&
    (sort.dir ?? "desc") === "desc" &&
    sort.status?.length === 1 &&
    sort.status[0] === "overdue"
  );
}

/** ORDER BY terms (each with its direction) for the sort, as of the window's date. */
export function orderTerms(sort: TaskSort & StatusOnly, w: StatusWindow): RawBuilder<unknown>[] {
  // every task overdue: the order is their due dates', which the index gives
  if (overdueByDays(sort)) return [sql`tasks.due_date ASC`, ...planOrder.map((t) => sql`${t} ASC`)];
  const order = sort.orderBy ?? "number";
  const dir = sort.dir ?? (order === "daysOverdue" ? "desc" : "asc");
  const d = sql.raw(dir.toUpperCase());
  const last = (value: RawBuilder<unknown>) => [sql`(${value} IS NULL)`, sql`${value} ${d}`];
  const asc = (terms: RawBuilder<unknown>[]) => terms.map((t) => sql`${t} ASC`);
  switch (order) {
    case "number":
      return planOrder.map((t) => sql`${t} ${d}`);
    case "deadline":
      return [...last(sql`tasks.due_date`), ...asc(planOrder)];
    case "daysOverdue": {
      // more days overdue = an earlier due date
      const due = sql`CASE WHEN ${statusPredicate(["overdue"], w)} THEN tasks.due_date END`;
      return [
        sql`(${due} IS NULL)`,
        sql`${due} ${sql.raw(dir === "desc" ? "ASC" : "DESC")}`,
        ...asc(planOrder),
      ];
    }
    case "name":
      return [sql`tasks.name_search ${d}`, ...asc(planOrder)];
    case "lead":
      return [
        ...last(sql`(SELECT o.search FROM organisations o WHERE o.id = tasks.lead_org_id)`),
        ...asc(planOrder),
      ];
    case "status": {
      const rank = sql.join(
        STATUS_RANK.map((code, i) => sql`WHEN ${sql.lit(code)} THEN ${sql.lit(i)}`),
        sql` `,
      );
      return [sql`(CASE ${statusExpression(w)} ${rank} END) ${d}`, ...asc(planOrder)];
    }
  }
}
