import { ForbiddenError, type Period, periodOf, type StatusCode } from "@giamsat/core";
import { listTasks, MAX_TASK_PAGE, reportsInPeriods } from "@giamsat/db";
import type { TaskKindCode } from "@giamsat/db";
import { isUnitRole, type Actor } from "./actor.js";
import { calendarsByPlan } from "./calendar.service.js";
import { type Ctx, todayOf } from "./context.js";
import { listReportsFor } from "./report.service.js";
import { visibleTasks } from "./task-access.js";
import { statusOf } from "./task.service.js";
import { taskListItem, type TaskListItemView } from "./task.view.js";

const OPEN: StatusCode[] = ["overdue", "due_soon", "in_time", "no_deadline", "recurring"];

/** Which of the unit's open tasks to show: all, those owing a report now, returned, overdue. */
export const INBOX_SHOWS = ["all", "to_report", "returned", "overdue"] as const;
export type InboxShow = (typeof INBOX_SHOWS)[number];

export type InboxQuery = {
  asOf?: string;
  /** words of the task's name, without diacritics if one likes, or its number */
  q?: string;
  plan?: number;
  kind?: TaskKindCode;
  show: InboxShow;
  limit: number;
  offset: number;
};

/** One open task of the unit with what it owes for the current reporting period. */
export type InboxItem = {
  task: TaskListItemView;
  period: Period;
  /** the latest report for the period, null when none was sent */
  report: { id: number; status: string; submittedAt: string } | null;
  /** the period's due date has passed with no report */
  late: boolean;
  /** a report on the task sent back to the unit and not corrected yet, with the reason */
  returned: { id: number; period: string; submittedAt: string; comment: string | null } | null;
  /** a report is owed now: none sent for the period, or the one sent came back */
  toReport: boolean;
};

export type InboxView = {
  asOf: string;
  /** how many of the tasks matching the search, plan and kind fall under each `show` */
  counts: Record<InboxShow, number>;
  /** items under `show`, before paging */
  total: number;
  items: InboxItem[];
};

function byDeadline(a: InboxItem, b: InboxItem): number {
  const key = ({ task: t }: InboxItem) =>
    t.status === "recurring" ? "9999-12-31" : (t.deadline.due ?? "9999-12-30");
  return key(a).localeCompare(key(b)) || a.task.id - b.task.id;
}

const SHOWN: Record<InboxShow, (item: InboxItem) => boolean> = {
  all: () => true,
  to_report: (item) => item.toReport,
  returned: (item) => item.returned !== null,
  overdue: (item) => item.task.status === "overdue",
};

/** The last returned, uncorrected report of each of the unit's tasks, with the reviewer's reason. */
async function returnedByTask(ctx: Ctx, actor: Actor): Promise<Map<number, InboxItem["returned"]>> {
  const { items } = await listReportsFor(ctx, actor, {
    status: "returned",
    limit: MAX_TASK_PAGE,
    offset: 0,
  });
  const byTask = new Map<number, InboxItem["returned"]>();
  for (const r of items) {
    const reason = r.reviews.filter((v) => v.decision === "return").at(-1);
    byTask.set(r.task.id, {
      id: r.id,
      period: r.period,
      submittedAt: r.submittedAt,
      comment: reason?.comment ?? null,
    });
  }
  return byTask;
}

/**
 * "Việc của đơn vị": the unit's open tasks by deadline, each with the report it owes for the
 * current reporting period (due date, whether it was sent) and any report returned to it;
 * searched (diacritics optional), filtered and paged on the server, with the count under each
 * filter so the page can show them without loading every task.
 */
export async function inboxFor(ctx: Ctx, actor: Actor, query: InboxQuery): Promise<InboxView> {
  if (!isUnitRole(actor.role)) throw new ForbiddenError("Hộp việc dành cho cán bộ của đơn vị.");
  const asOf = query.asOf ?? todayOf(ctx);
  const { items: rows } = await listTasks(ctx.db, {
    ...visibleTasks(actor),
    ...(query.q ? { q: query.q } : {}),
    ...(query.plan !== undefined ? { planId: query.plan } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    status: OPEN,
    asOf,
    dueSoonDays: ctx.config.dueSoonDays,
    limit: MAX_TASK_PAGE,
  });
  const tasks = rows.map((t) => taskListItem(t, statusOf(ctx, t, asOf), t.lead));
  const calendars = await calendarsByPlan(ctx, [...new Set(tasks.map((t) => t.planId))]);
  const periods = new Map(tasks.map((t) => [t.id, periodOf(asOf, calendars.get(t.planId)!)]));
  const [sent, returned] = await Promise.all([
    reportsInPeriods(
      ctx.db,
      tasks.map((t) => t.id),
      [...new Set([...periods.values()].map((p) => p.key))],
    ),
    returnedByTask(ctx, actor),
  ]);
  const latest = new Map<number, (typeof sent)[number]>();
  for (const r of sent) if (r.period_key === periods.get(r.task_id)?.key) latest.set(r.task_id, r);
  const all = tasks
    .map((task): InboxItem => {
      const period = periods.get(task.id)!;
      const r = latest.get(task.id);
      return {
        task,
        period,
        report: r ? { id: r.id, status: r.status, submittedAt: r.submitted_at } : null,
        late: !r && period.dueDate < asOf,
        returned: returned.get(task.id) ?? null,
        toReport: !r || r.status === "returned",
      };
    })
    .sort(byDeadline);
  const counts = Object.fromEntries(
    INBOX_SHOWS.map((show) => [show, all.filter(SHOWN[show]).length]),
  ) as Record<InboxShow, number>;
  const shown = all.filter(SHOWN[query.show]);
  return {
    asOf,
    counts,
    total: shown.length,
    items: shown.slice(query.offset, query.offset + query.limit),
  };
}
