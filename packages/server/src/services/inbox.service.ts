import { ForbiddenError, type Period, periodOf, type StatusCode, vietnamDay } from "@giamsat/core";
import { listTasks } from "@giamsat/db";
import { isUnitRole, type Actor } from "./actor.js";
import { calendarsByPlan } from "./calendar.service.js";
import type { Ctx } from "./context.js";
import { listReportsFor, type QueueItem } from "./report.service.js";
import { visibleTasks } from "./task-access.js";
import { statusOf } from "./task.service.js";
import { taskListItem, type TaskListItemView } from "./task.view.js";

const OPEN: StatusCode[] = ["overdue", "due_soon", "in_time", "no_deadline", "recurring"];
const INBOX_LIMIT = 500;

export type DueReport = {
  task: {
    id: number;
    number: string | null;
    name: string;
    planId: number;
    planNumber: string | null;
    kind: string;
  };
  period: Period;
  /** the latest report for the period, null when none was sent */
  report: { id: number; status: string; submittedAt: string } | null;
  /** the period's due date has passed with no report */
  late: boolean;
};

export type InboxView = {
  asOf: string;
  tasks: TaskListItemView[];
  due: DueReport[];
  returned: QueueItem[];
};

function byDeadline(a: TaskListItemView, b: TaskListItemView): number {
  const key = (t: TaskListItemView) =>
    t.status === "recurring" ? "9999-12-31" : (t.deadline.due ?? "9999-12-30");
  return key(a).localeCompare(key(b)) || a.id - b.id;
}

/**
 * "Việc của đơn vị": the unit's open tasks by deadline, the report each owes for the current
 * reporting period (with its due date and whether it was sent), and reports returned to it.
 */
export async function inboxFor(ctx: Ctx, actor: Actor, asOfParam?: string): Promise<InboxView> {
  if (!isUnitRole(actor.role)) throw new ForbiddenError("Hộp việc dành cho cán bộ của đơn vị.");
  const asOf = asOfParam ?? vietnamDay();
  const { items } = await listTasks(ctx.db, {
    ...visibleTasks(actor),
    status: OPEN,
    asOf,
    dueSoonDays: ctx.config.dueSoonDays,
    limit: INBOX_LIMIT,
  });
  const tasks = items.map((t) => taskListItem(t, statusOf(ctx, t, asOf), t.lead)).sort(byDeadline);
  const calendars = await calendarsByPlan(ctx, [...new Set(tasks.map((t) => t.planId))]);
  const periods = new Map(tasks.map((t) => [t.id, periodOf(asOf, calendars.get(t.planId)!)]));
  const sent = tasks.length
    ? await ctx.db
        .selectFrom("progress_reports")
        .select(["id", "task_id", "period_key", "status", "submitted_at"])
        .where(
          "task_id",
          "in",
          tasks.map((t) => t.id),
        )
        .where("period_key", "in", [...new Set([...periods.values()].map((p) => p.key))])
        .orderBy("submitted_at")
        .execute()
    : [];
  const latest = new Map<number, (typeof sent)[number]>();
  for (const r of sent) if (r.period_key === periods.get(r.task_id)?.key) latest.set(r.task_id, r);
  const due = tasks.map((t): DueReport => {
    const period = periods.get(t.id)!;
    const r = latest.get(t.id);
    return {
      task: {
        id: t.id,
        number: t.number,
        name: t.name,
        planId: t.planId,
        planNumber: t.planNumber,
        kind: t.kind,
      },
      period,
      report: r ? { id: r.id, status: r.status, submittedAt: r.submitted_at } : null,
      late: !r && period.dueDate < asOf,
    };
  });
  const returned = await listReportsFor(ctx, actor, { status: "returned", limit: 100, offset: 0 });
  return { asOf, tasks, due, returned: returned.items };
}
