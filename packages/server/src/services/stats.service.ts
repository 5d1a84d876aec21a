import {
  addMonths,
  endOfMonth,
  reportingCompliance,
  STATUS_LABELS,
  unitScorecards,
  type StatusCode,
  type UnitScorecard,
} from "@giamsat/core";
import {
  acceptedReceipts,
  countStatuses,
  listTasks,
  rankLeadUnits,
  recurringTasks,
  type StatusCounts,
} from "@giamsat/db";
import type { Actor } from "./actor.js";
import { calendarsByPlan } from "./calendar.service.js";
import { today, type Ctx } from "./context.js";
import { localDay, scopeFilter, statusOf, type TaskScope } from "./task.service.js";
import { taskListItem, type TaskListItemView } from "./task.view.js";

export type StatsQuery = TaskScope;

const filterOf = scopeFilter;

async function orgNames(ctx: Ctx, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type StatsView = {
  asOf: string;
  total: number;
  counts: StatusCounts;
  labels: Record<StatusCode, string>;
  byLead: { orgId: number; name: string; total: number; counts: StatusCounts }[];
  leadUnits: number;
};

export type TrendView = {
  asOf: string;
  months: { month: string; asOf: string; counts: StatusCounts }[];
};

const TREND_MONTHS = 6;

/**
 * Status counts as of a date; the `leads` lead units with most overdue tasks (then most tasks)
 * and how many units lead any.
 */
export async function statsFor(
  ctx: Ctx,
  actor: Actor,
  q: StatsQuery & { leads: number },
): Promise<StatsView> {
  const asOf = q.asOf ?? today();
  const filter = filterOf(actor, q);
  const window = { asOf, dueSoonDays: ctx.config.dueSoonDays };
  const [{ counts, total }, ranking] = await Promise.all([
    countStatuses(ctx.db, { ...filter, ...window }),
    rankLeadUnits(ctx.db, { ...filter, ...window }, q.leads),
  ]);
  const names = await orgNames(
    ctx,
    ranking.items.map((b) => b.orgId),
  );
  return {
    asOf,
    total,
    counts,
    labels: STATUS_LABELS,
    byLead: ranking.items.map((b) => ({ ...b, name: names.get(b.orgId) ?? `#${b.orgId}` })),
    leadUnits: ranking.units,
  };
}

/**
 * Status counts at the end of each of the last six months, the last one as of `asOf` itself:
 * its own request, so that the dashboard's counts do not wait for six counts.
 */
export async function trendFor(ctx: Ctx, actor: Actor, q: StatsQuery): Promise<TrendView> {
  const asOf = q.asOf ?? today();
  const filter = filterOf(actor, q);
  const ends = Array.from({ length: TREND_MONTHS }, (_, k) => {
    const back = TREND_MONTHS - 1 - k;
    return back === 0 ? asOf : endOfMonth(addMonths(asOf, -back));
  });
  const months = await Promise.all(
    ends.map(async (end) => ({
      month: end.slice(0, 7),
      asOf: end,
      counts: (
        await countStatuses(ctx.db, { ...filter, asOf: end, dueSoonDays: ctx.config.dueSoonDays })
      ).counts,
    })),
  );
  return { asOf, months };
}

/** Overdue tasks as of a date, most days overdue first (then plan order), paged in SQL. */
export async function overdueFor(
  ctx: Ctx,
  actor: Actor,
  q: StatsQuery & { limit: number; offset: number },
): Promise<{ asOf: string; items: TaskListItemView[]; total: number }> {
  const asOf = q.asOf ?? today();
  const { items, total } = await listTasks(ctx.db, {
    ...filterOf(actor, q),
    status: ["overdue"],
    asOf,
    dueSoonDays: ctx.config.dueSoonDays,
    orderBy: "daysOverdue",
    limit: q.limit,
    offset: q.offset,
  });
  return { asOf, items: items.map((t) => taskListItem(t, statusOf(ctx, t, asOf), t.lead)), total };
}

export type ScorecardView = UnitScorecard<number> & { name: string };

/**
 * Unit scorecards: tasks led by status (first lead unit), and for recurring tasks the share of
 * reporting periods reported on time (accepted reports, received by the period's due date).
 */
export async function scorecardsFor(
  ctx: Ctx,
  actor: Actor,
  q: StatsQuery,
): Promise<{ asOf: string; items: ScorecardView[] }> {
  const asOf = q.asOf ?? today();
  const filter = filterOf(actor, q);
  const window = { asOf, dueSoonDays: ctx.config.dueSoonDays };
  const byLead = (await rankLeadUnits(ctx.db, { ...filter, ...window })).items;
  const recurring = (await recurringTasks(ctx.db, filter)).filter((t) => t.lead_org_id !== null);
  const calendars = await calendarsByPlan(ctx, [...new Set(recurring.map((t) => t.plan_id))]);
  const receipts = await acceptedReceipts(
    ctx.db,
    recurring.map((t) => t.id),
  );
  const receiptsByTask = new Map<number, { period: string; receivedOn: string }[]>();
  for (const r of receipts) {
    const list = receiptsByTask.get(r.task_id) ?? [];
    list.push({ period: r.period_key, receivedOn: localDay(r.submitted_at) });
    receiptsByTask.set(r.task_id, list);
  }
  const reportsByOrg = new Map<number, { periodsDue: number; onTime: number }>();
  for (const t of recurring) {
    const calendar = calendars.get(t.plan_id);
    if (!calendar || !t.plan_date) continue;
    const c = reportingCompliance(
      {
        calendar,
        from: t.plan_date,
        reports: receiptsByTask.get(t.id) ?? [],
      },
      asOf,
    );
    const acc = reportsByOrg.get(t.lead_org_id as number) ?? { periodsDue: 0, onTime: 0 };
    acc.periodsDue += c.periodsDue;
    acc.onTime += c.onTime;
    reportsByOrg.set(t.lead_org_id as number, acc);
  }
  // One row per task (unitScorecards' input); a unit's report figures ride on its first row.
  const rows = byLead.flatMap((b) => {
    const statuses = Object.entries(b.counts).flatMap(([status, n]) =>
      Array.from({ length: n }, () => status as StatusCode),
    );
    return statuses.map((status, i) => ({
      leads: [b.orgId],
      status,
      reports: i === 0 ? (reportsByOrg.get(b.orgId) ?? null) : null,
    }));
  });
  const names = await orgNames(
    ctx,
    byLead.map((b) => b.orgId),
  );
  const cards = unitScorecards(rows).map((c) => ({
    ...c,
    name: names.get(c.unitId) ?? `#${c.unitId}`,
  }));
  return { asOf, items: cards };
}
