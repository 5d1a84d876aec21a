import {
  isIsoDate,
  type Compliance,
  formatDeadline,
  taskReportTimeliness,
  type StatusCode,
  type VersionChange,
  taskStatus,
} from "@giamsat/core";
import {
  acceptedReceipts,
  listTaskAudit,
  type AuditEvent,
  type Page,
  listChangeRequests,
  listTaskReports,
  listTaskVersions,
  listLeaders,
  listTasks,
  listTasksAfter,
  restatingTasks,
  type SortDirection,
  type TaskCursor,
  type TaskDetail,
  type TaskFilter,
  type TaskOrder,
} from "@giamsat/db";
import { canSeeConfidential, type Actor } from "./actor.js";
import { calendarOf } from "./calendar.service.js";
import { changeRequestView } from "./change-request.view.js";
import { type Ctx, todayOf } from "./context.js";
import type { TaskDetailView } from "./task-detail.view.js";
import { reportViews } from "./report.view.js";
import { loadVisibleTask, visibleTasks } from "./task-access.js";
import { deadlineOf, orgView, taskListItem, type TaskListItemView } from "./task.view.js";

/** The filters every task view shares: plan, lead unit, directing leader, appendix. */
export type TaskScope = {
  plan?: number;
  asOf?: string;
  lead?: number;
  leader?: string;
  appendix?: number;
};

export type TaskQuery = TaskScope & {
  status?: StatusCode[];
  q?: string;
  kind?: "time-bound" | "recurring";
  orderBy?: TaskOrder;
  dir?: SortDirection;
  limit: number;
  offset: number;
};

/** The database filter for what the actor may see, narrowed by the query's scope. */
export function scopeFilter(actor: Actor, q: TaskScope): TaskFilter {
  return {
    ...visibleTasks(actor),
    ...(q.plan !== undefined ? { planId: q.plan } : {}),
    ...(q.lead !== undefined ? { leadOrgId: q.lead } : {}),
    ...(q.leader !== undefined ? { leader: q.leader } : {}),
    ...(q.appendix !== undefined ? { appendixId: q.appendix } : {}),
  };
}

export function statusOf(
  ctx: Ctx,
  t: Pick<TaskDetail, "kind" | "due_date" | "completed_on">,
  asOf: string,
) {
  // A stored date that is not a real one (written before inputs were strict, or by hand) is
  // read as absent, so one bad value never makes a task, a list or a dashboard unreadable.
  const valid = (d: string | null) => (d !== null && isIsoDate(d) ? d : null);
  return taskStatus(
    { kind: t.kind, due: valid(t.due_date), completedOn: valid(t.completed_on) },
    asOf,
    { dueSoonDays: ctx.config.dueSoonDays },
  );
}

/** The database query of a task list: the actor's scope, the filters, the order, the date. */
function listFilter(
  ctx: Ctx,
  actor: Actor,
  query: Omit<TaskQuery, "limit" | "offset">,
  asOf: string,
) {
  return {
    ...scopeFilter(actor, query),
    ...oncePerWork(query),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.status?.length ? { status: query.status } : {}),
    ...(query.orderBy ? { orderBy: query.orderBy } : {}),
    ...(query.dir ? { dir: query.dir } : {}),
    asOf,
    dueSoonDays: ctx.config.dueSoonDays,
  };
}

/**
 * `countCap`: a text search counts at most that many matches (`totalCapped` when there are
 * more) — the page a reader sees; exports count them all.
 */
export async function listTasksFor(
  ctx: Ctx,
  actor: Actor,
  query: TaskQuery,
  countCap?: number,
): Promise<{ asOf: string; items: TaskListItemView[]; total: number; totalCapped: boolean }> {
  const asOf = query.asOf ?? todayOf(ctx);
  const { items, total, totalCapped } = await listTasks(ctx.db, {
    ...listFilter(ctx, actor, query, asOf),
    ...(query.q ? { q: query.q } : {}),
    limit: query.limit,
    offset: query.offset,
    ...(countCap !== undefined ? { countCap } : {}),
  });
  const views = items.map((t) => taskListItem(t, statusOf(ctx, t, asOf), t.lead));
  return { asOf, items: await withRestatedIn(ctx, actor, query, views), total, totalCapped };
}

/**
 * Every task the query lists, a page at a time, read by key (each row once, not counted): plan
 * order, or overdue tasks only by days overdue (`status: ["overdue"], orderBy: "daysOverdue"`).
 */
export async function* taskPagesFor(
  ctx: Ctx,
  actor: Actor,
  query: Omit<TaskQuery, "limit" | "offset" | "q">,
  pageSize: number,
): AsyncGenerator<TaskListItemView[]> {
  const asOf = query.asOf ?? todayOf(ctx);
  const filter = { ...listFilter(ctx, actor, query, asOf), limit: pageSize };
  const read = (after: TaskCursor | null) => {
    const page = listTasksAfter(ctx.db, filter, after);
    page.catch(() => undefined); // a page read ahead for a caller that stopped: not unhandled
    return page;
  };
  let next = read(null);
  for (;;) {
    const items = await next;
    const last = items[items.length - 1];
    const more = last !== undefined && items.length === pageSize;
    // the next page is read while the caller works on this one (the database and the writer overlap)
    if (more) next = read({ planId: last.plan_id, ordinal: last.ordinal, due: last.due_date });
    const views = items.map((t) => taskListItem(t, statusOf(ctx, t, asOf), t.lead));
    if (views.length) yield await withRestatedIn(ctx, actor, query, views);
    if (!more) return;
  }
}

/**
 * Over all plans, a task confirmed as restating another is listed (and counted) once, under
 * the task it restates; one plan's list shows all its tasks.
 */
export const oncePerWork = (q: TaskScope) => (q.plan === undefined ? { oncePerWork: true } : {});

/** Over all plans, each task with the tasks restating it (their plans): the work's every plan. */
export async function withRestatedIn(
  ctx: Ctx,
  actor: Actor,
  q: TaskScope,
  items: TaskListItemView[],
): Promise<TaskListItemView[]> {
  if (q.plan !== undefined) return items;
  const rows = await restatingTasks(
    ctx.db,
    items.map((t) => t.id),
    canSeeConfidential(actor),
  );
  if (rows.length === 0) return items;
  const byTask = new Map<number, typeof rows>();
  for (const r of rows)
    byTask.set(r.restated_task_id, [...(byTask.get(r.restated_task_id) ?? []), r]);
  return items.map((t) => {
    const also = byTask.get(t.id);
    return also
      ? {
          ...t,
          restatedIn: also.map((r) => ({ taskId: r.task_id, number: r.number, planId: r.plan_id })),
        }
      : t;
  });
}

/** The directing leaders of the tasks the actor sees (in one plan), for the leader filter. */
export async function leadersFor(
  ctx: Ctx,
  actor: Actor,
  query: { plan?: number },
): Promise<{ items: { leader: string; tasks: number }[] }> {
  return { items: await listLeaders(ctx.db, scopeFilter(actor, query)) };
}

export type { TaskDetailView };

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** The task page's first page of reports and of history; "Xem thêm" asks for the next. */
const FIRST_PAGE = { limit: 100, offset: 0 };

function auditView(a: AuditEvent & { actor_name: string | null }) {
  return {
    id: a.id,
    at: a.at,
    action: a.action,
    entity: a.entity,
    entityId: a.entity_id,
    actorName: a.actor_name,
    before: parse(a.before),
    after: parse(a.after),
    reason: a.reason,
  };
}

/** A list of a task that the task page pages through, newest first ("Xem thêm"), for whoever may see the task. */
function taskListPage<T>(
  read: (ctx: Ctx, id: number, page: Page) => Promise<{ items: T[]; total: number }>,
) {
  return async (ctx: Ctx, actor: Actor, id: number, page: Page) => {
    await loadVisibleTask(ctx, actor, id);
    return read(ctx, id, page);
  };
}

export const taskReportsPageFor = taskListPage(async (ctx, id, page) => {
  const { items, total } = await listTaskReports(ctx.db, id, page);
  return { items: await reportViews(ctx, items), total };
});

export const taskAuditPageFor = taskListPage(async (ctx, id, page) => {
  const { items, total } = await listTaskAudit(ctx.db, id, page);
  return { items: items.map(auditView), total };
});

export async function taskDetailFor(
  ctx: Ctx,
  actor: Actor,
  id: number,
  asOf = todayOf(ctx),
): Promise<TaskDetailView> {
  const task = await loadVisibleTask(ctx, actor, id);
  const [reports, versions, changeRequests, calendar, audit] = await Promise.all([
    listTaskReports(ctx.db, id, FIRST_PAGE),
    listTaskVersions(ctx.db, id),
    listChangeRequests(ctx.db, { taskId: id }),
    calendarOf(ctx, task.plan_id),
    listTaskAudit(ctx.db, id, FIRST_PAGE),
  ]);
  let compliance: Compliance | null = null;
  if (task.kind === "recurring") {
    const receipts = await acceptedReceipts(ctx.db, id);
    compliance = taskReportTimeliness(
      {
        calendar,
        trackedFrom: task.plan.tracked_from,
        planImportedAt: task.plan.imported_at,
        endedAt: task.cancelled_at ?? task.removed_at,
      },
      receipts.map((r) => ({ period: r.period_key, submittedAt: r.submitted_at })),
      asOf,
    );
  }
  const lead = task.orgs.filter((o) => o.role === "lead");
  const item = taskListItem(
    {
      ...task,
      plan_number: task.plan.number,
      appendix_ordinal: task.appendix.ordinal,
      appendix_title: task.appendix.title,
    },
    statusOf(ctx, task, asOf),
    lead,
  );
  return {
    ...item,
    asOf,
    plan: {
      id: task.plan.id,
      number: task.plan.number,
      date: task.plan.date,
      issuer: task.plan.issuer,
      title: task.plan.title,
    },
    refNumber: task.ref_number,
    groupPath: JSON.parse(task.group_path) as string[],
    role: task.role,
    basis: JSON.parse(task.basis) as TaskDetailView["basis"],
    extra: JSON.parse(task.extra) as Record<string, string>,
    line: task.line,
    version: task.version,
    cancelledAt: task.cancelled_at,
    removedAt: task.removed_at,
    coordinators: task.orgs.filter((o) => o.role !== "lead").map(orgView),
    milestones: task.milestones.map((m) => {
      const deadline = deadlineOf(m);
      return {
        id: m.id,
        name: m.name,
        output: m.output,
        kind: m.kind,
        deadline,
        deadlineLabel: formatDeadline(deadline),
      };
    }),
    links: task.links.map((l) => ({
      id: l.id,
      kind: l.kind,
      state: l.state,
      direction: l.direction,
      score: l.score,
      reasons: JSON.parse(l.reasons) as string[],
      other: {
        id: l.other_task_id,
        number: l.other_number,
        name: l.other_name,
        planId: l.other_plan_id,
        planNumber: l.other_plan_number,
      },
    })),
    reporting: { calendar, compliance },
    reports: await reportViews(ctx, reports.items),
    reportsTotal: reports.total,
    versions: versions.map((v) => ({
      version: v.version,
      snapshot: parse(v.snapshot),
      reason: v.reason,
      authorName: v.author_name,
      createdAt: v.created_at,
      changes: parse(v.changes) as VersionChange[] | null,
    })),
    changeRequests: changeRequests.map(changeRequestView),
    audit: audit.items.map(auditView),
    auditTotal: audit.total,
  };
}
