/** Tasks: filtered lists with their status as of a date, status counts in SQL, one task in full. */
import { STATUS_CODES } from "@giamsat/core";
import type { StatusCode } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database, MilestoneRow, TaskOrgRow, TaskRow } from "../schema.js";
import { listTaskLinks, type LinkReader } from "./link.repository.js";
import type { TaskLinkView } from "./link.repository.js";
import { bucketsAnswer, countFromBuckets } from "./status-buckets.js";
import { applyTaskFilter, restatesAnother } from "./task-filter.js";
import { withSearchIds } from "./task-search.js";
import type { TaskFilter } from "./task-filter.js";
import { afterCursor, orderTerms } from "./task-order.js";
import type { TaskCursor, TaskSort } from "./task-order.js";
import { statusExpression } from "./task-status.sql.js";
import type { StatusWindow } from "./task-status.sql.js";

export type { TaskFilter } from "./task-filter.js";
export { TASK_ORDERS } from "./task-order.js";
export type { SortDirection, TaskCursor, TaskOrder, TaskSort } from "./task-order.js";
export type { StatusWindow } from "./task-status.sql.js";

type Db = Kysely<Database>;

export interface TaskListQuery extends TaskFilter, StatusWindow, TaskSort {
  /** default 50, at most 500 */
  limit?: number;
  offset?: number;
  /**
   * count a text search's matches up to this many only (`totalCapped` when there are more): a
   * common phrase matches a large part of the country's tasks, and the list shows one page
   */
  countCap?: number;
}

/** How many matches of a text search the task list counts, at most (`countCap`). */
export const SEARCH_COUNT_CAP = 1000;

/**
 * The columns a task list shows or orders by: not the folded search texts, the basis documents
 * or the import's extra cells (a national walk of 2M tasks decoded them for nothing).
 */
const LIST_COLUMNS = [
  "id",
  "plan_id",
  "appendix_id",
  "ordinal",
  "number",
  "name",
  "kind",
  "leader",
  "lead_org_id",
  "output",
  "deadline_raw",
  "deadline_kind",
  "due_date",
  "start_date",
  "recurrence",
  "deadline_note",
  "completed_on",
  "confidential",
  "removed_at",
  "cancelled_at",
] as const satisfies readonly (keyof TaskRow)[];

export type TaskListItem = Pick<TaskRow, (typeof LIST_COLUMNS)[number]> & {
  status: StatusCode;
  plan_number: string | null;
  appendix_ordinal: number;
  appendix_title: string;
  /** the lead units in order (resolved or raw) */
  lead: TaskOrgRow[];
};

export type StatusCounts = Record<StatusCode, number>;

export const MAX_TASK_PAGE = 500;
/** a page read by key (an export's walk): larger, fewer statements per row */
export const MAX_KEYSET_PAGE = 5000;

/**
 * Tasks matching the filter in the requested order (plan order by default), each with its status
 * as of `asOf` and its appendix, and the total. The page reads `tasks` alone (a join would lead
 * SQLite to sort every match instead of walking the plan-order index); its appendices and lead
 * units are read for the page's rows only.
 */
export async function listTasks(
  db: Db,
  listQuery: TaskListQuery,
): Promise<{ items: TaskListItem[]; total: number; totalCapped: boolean }> {
  const query = await withSearchIds(db, listQuery);
  const [items, total] = await Promise.all([
    taskPage(db, query, null, MAX_TASK_PAGE),
    countMatching(db, query),
  ]);
  return { items, ...total };
}

/**
 * The page of tasks after `after` (the first page for null) read by key, not counted: a long
 * walk (the national annex) reads each row once. Plan order, or overdue tasks only by days
 * overdue; `offset` is not used.
 */
export async function listTasksAfter(
  db: Db,
  listQuery: Omit<TaskListQuery, "offset" | "countCap">,
  after: TaskCursor | null,
): Promise<TaskListItem[]> {
  return taskPage(db, await withSearchIds(db, listQuery), after, MAX_KEYSET_PAGE);
}

async function taskPage(
  db: Db,
  query: TaskListQuery,
  after: TaskCursor | null,
  cap: number,
): Promise<TaskListItem[]> {
  const limit = Math.min(Math.max(query.limit ?? 50, 0), cap);
  let page = applyTaskFilter(db.selectFrom("tasks"), query, query)
    .select(LIST_COLUMNS.map((c) => `tasks.${c}` as const))
    .select(statusExpression(query).as("status"));
  if (after) page = page.where(afterCursor(query, after));
  for (const term of orderTerms(query, query)) page = page.orderBy(term);
  const rows = await page
    .limit(limit)
    .offset(after ? 0 : Math.max(query.offset ?? 0, 0))
    .execute();
  const ids = rows.map((r) => r.id);
  const [leads, appendices] = await Promise.all([
    orgsOfTasks(db, ids, "lead"),
    appendicesOf(db, [...new Set(rows.map((r) => r.appendix_id))]),
  ]);
  return rows.map((r) => {
    const a = appendices.get(r.appendix_id);
    return {
      ...r,
      plan_number: a?.plan_number ?? null,
      appendix_ordinal: a?.ordinal ?? 0,
      appendix_title: a?.title ?? "",
      lead: leads.get(r.id) ?? [],
    };
  });
}

/**
 * How many tasks a list's filter matches: from the status buckets when they can tell; a text
 * search with `countCap` stops counting after cap + 1 matches.
 */
async function countMatching(
  db: Db,
  query: TaskListQuery,
): Promise<{ total: number; totalCapped: boolean }> {
  const unfiltered = { ...query, status: undefined };
  if (bucketsAnswer(unfiltered)) {
    const { counts } = await countStatuses(db, unfiltered);
    const wanted = query.status ?? STATUS_CODES;
    return { total: wanted.reduce((n, status) => n + counts[status], 0), totalCapped: false };
  }
  const cap = query.q?.trim() ? query.countCap : undefined;
  const matching = applyTaskFilter(db.selectFrom("tasks"), query, query);
  const { n } = await (
    cap === undefined
      ? matching.select((eb) => eb.fn.countAll<number>().as("n"))
      : db
          .selectFrom(
            matching
              .select("tasks.id")
              .limit(cap + 1)
              .as("m"),
          )
          .select((eb) => eb.fn.countAll<number>().as("n"))
  ).executeTakeFirstOrThrow();
  const total = Number(n);
  return cap !== undefined && total > cap
    ? { total: cap, totalCapped: true }
    : { total, totalCapped: false };
}

async function appendicesOf(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, never>();
  const rows = await db
    .selectFrom("appendices")
    .innerJoin("plans", "plans.id", "appendices.plan_id")
    .select([
      "appendices.id",
      "appendices.ordinal",
      "appendices.title",
      "plans.number as plan_number",
    ])
    .where("appendices.id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function zeroCounts(): StatusCounts {
  return Object.fromEntries(STATUS_CODES.map((c) => [c, 0])) as StatusCounts;
}

/**
 * How many tasks have each status as of `asOf` (all codes present, zeros included). National
 * counts (no plan, unit, search… filter) sum the status buckets; the rest read the tasks.
 */
export async function countStatuses(
  db: Db,
  filter: TaskFilter & StatusWindow,
): Promise<{ counts: StatusCounts; total: number }> {
  const byStatus = (f: TaskFilter, restating = false) =>
    applyTaskFilter(db.selectFrom("tasks"), { ...f, status: undefined })
      .$if(restating, (q) => q.where((eb) => restatesAnother(eb, f)))
      .select([statusExpression(filter).as("status"), (eb) => eb.fn.countAll<number>().as("n")])
      // by position: PostgreSQL does not match a parameterised CASE in GROUP BY with the SELECT's
      .groupBy(sql`1`)
      .execute();
  const buckets = bucketsAnswer(filter);
  const rows = buckets ? await countFromBuckets(db, filter, filter) : await byStatus(filter);
  // the buckets count every task: those listed under the task they restate are taken off
  const restating =
    buckets && filter.oncePerWork ? await byStatus({ ...filter, oncePerWork: false }, true) : [];
  const counts = zeroCounts();
  let total = 0;
  for (const row of rows) {
    counts[row.status] = Number(row.n);
    total += Number(row.n);
  }
  for (const row of restating) {
    counts[row.status] -= Number(row.n);
    total -= Number(row.n);
  }
  return { counts, total };
}

/** Status counts per first lead unit (unit scorecards); tasks without a lead unit are left out. */
export async function countStatusesByLeadOrg(
  db: Db,
  filter: TaskFilter & StatusWindow,
): Promise<{ orgId: number; counts: StatusCounts; total: number }[]> {
  const status = statusExpression(filter);
  const rows = await applyTaskFilter(db.selectFrom("tasks"), { ...filter, status: undefined })
    .where("tasks.lead_org_id", "is not", null)
    .select(["tasks.lead_org_id", status.as("status"), (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy([sql`1`, sql`2`])
    .execute();
  const byOrg = new Map<number, { orgId: number; counts: StatusCounts; total: number }>();
  for (const row of rows) {
    const orgId = row.lead_org_id as number;
    let entry = byOrg.get(orgId);
    if (!entry) byOrg.set(orgId, (entry = { orgId, counts: zeroCounts(), total: 0 }));
    entry.counts[row.status] = Number(row.n);
    entry.total += Number(row.n);
  }
  return [...byOrg.values()].sort((a, b) => a.orgId - b.orgId);
}

async function orgsOfTasks(
  db: Db,
  taskIds: number[],
  role?: "lead" | "coordinator",
): Promise<Map<number, TaskOrgRow[]>> {
  const byTask = new Map<number, TaskOrgRow[]>();
  if (taskIds.length === 0) return byTask;
  let q = db.selectFrom("task_orgs").selectAll().where("task_id", "in", taskIds);
  if (role) q = q.where("role", "=", role);
  const rows = await q.orderBy("task_id").orderBy("role").orderBy("ordinal").execute();
  for (const row of rows) {
    const list = byTask.get(row.task_id) ?? [];
    list.push(row);
    byTask.set(row.task_id, list);
  }
  return byTask;
}

export type TaskDetail = TaskRow & {
  plan: {
    id: number;
    number: string | null;
    date: string | null;
    issuer: string | null;
    title: string | null;
    imported_at: string;
    tracked_from: string | null;
  };
  appendix: { id: number; ordinal: number; title: string };
  /** lead units first, then coordinators, each in document order */
  orgs: TaskOrgRow[];
  milestones: MilestoneRow[];
  links: TaskLinkView[];
};

/**
 * One task with its plan, appendix, units, milestones and links (those the reader may see);
 * undefined when absent.
 */
export async function getTask(
  db: Db,
  id: number,
  reader: LinkReader = {},
): Promise<TaskDetail | undefined> {
  const task = await db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst();
  if (!task) return undefined;
  const [plan, appendix, orgs, milestones, links] = await Promise.all([
    db
      .selectFrom("plans")
      .select(["id", "number", "date", "issuer", "title", "imported_at", "tracked_from"])
      .where("id", "=", task.plan_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("appendices")
      .select(["id", "ordinal", "title"])
      .where("id", "=", task.appendix_id)
      .executeTakeFirstOrThrow(),
    orgsOfTasks(db, [id]),
    db.selectFrom("milestones").selectAll().where("task_id", "=", id).orderBy("ordinal").execute(),
    listTaskLinks(db, id, reader),
  ]);
  const all = orgs.get(id) ?? [];
  return {
    ...task,
    plan,
    appendix,
    orgs: [...all.filter((o) => o.role === "lead"), ...all.filter((o) => o.role !== "lead")],
    milestones,
    links,
  };
}

/** The task's completion date (null while not completed). */
export async function taskCompletedOn(db: Db, taskId: number): Promise<string | null> {
  const row = await db
    .selectFrom("tasks")
    .select("completed_on")
    .where("id", "=", taskId)
    .executeTakeFirstOrThrow();
  return row.completed_on;
}

/**
 * Recomputes tasks.completed_on from the task's latest ACCEPTED report whose state is
 * `completed` (null when there is none); call it after every review decision.
 */
export async function refreshTaskCompletion(db: Db, taskId: number): Promise<string | null> {
  const latest = await db
    .selectFrom("progress_reports")
    .select("completed_on")
    .where("task_id", "=", taskId)
    .where("status", "=", "accepted")
    .where("state", "=", "completed")
    .orderBy("submitted_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const completedOn = latest?.completed_on ?? null;
  await db
    .updateTable("tasks")
    .set({ completed_on: completedOn })
    .where("id", "=", taskId)
    .execute();
  return completedOn;
}

/**
 * The directing leaders of the tasks matching the filter (the values of the leader filter): one
 * entry per folded spelling, named by its most frequent spelling, sorted by folded name.
 */
export async function listLeaders(
  db: Db,
  filter: TaskFilter,
): Promise<{ leader: string; tasks: number }[]> {
  const rows = await applyTaskFilter(db.selectFrom("tasks"), { ...filter, status: undefined })
    .where("tasks.leader_search", "is not", null)
    .select(["tasks.leader_search", "tasks.leader", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["tasks.leader_search", "tasks.leader"])
    .execute();
  const byFolded = new Map<string, { leader: string; tasks: number; top: number }>();
  for (const row of rows) {
    const n = Number(row.n);
    const entry = byFolded.get(row.leader_search as string);
    if (!entry) {
      byFolded.set(row.leader_search as string, { leader: row.leader as string, tasks: n, top: n });
      continue;
    }
    entry.tasks += n;
    const text = row.leader as string;
    if (n > entry.top || (n === entry.top && text < entry.leader)) {
      Object.assign(entry, { leader: text, top: n });
    }
  }
  return [...byFolded.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { leader, tasks }]) => ({ leader, tasks }));
}
