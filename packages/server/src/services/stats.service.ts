import {
  addMonths,
  endOfMonth,
  reminderResponseByUnit,
  STATUS_LABELS,
  type StatusCode,
  type UnitScorecard,
  unitScorecard,
} from "@giamsat/core";
import {
  countStatuses,
  listTasks,
  rankLeadUnits,
  reminderResponseRows,
  type StatusCounts,
  groupIdsAmong,
  organisationNames,
} from "@giamsat/db";
import type { Actor } from "./actor.js";
import { type Ctx, todayOf } from "./context.js";
import { reportTimeliness } from "./report-timeliness.service.js";
import {
  oncePerWork,
  scopeFilter,
  statusOf,
  withRestatedIn,
  type TaskScope,
} from "./task.service.js";
import { taskListItem, type TaskListItemView } from "./task.view.js";

export type StatsQuery = TaskScope;

const filterOf = scopeFilter;

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
  const asOf = q.asOf ?? todayOf(ctx);
  const filter = filterOf(actor, q);
  const window = { asOf, dueSoonDays: ctx.config.dueSoonDays };
  const [{ counts, total }, ranking] = await Promise.all([
    countStatuses(ctx.db, { ...filter, ...oncePerWork(q), ...window }),
    rankLeadUnits(ctx.db, { ...filter, ...window }, q.leads),
  ]);
  const names = await organisationNames(
    ctx.db,
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
  const asOf = q.asOf ?? todayOf(ctx);
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
): Promise<{ asOf: string; items: TaskListItemView[]; total: number; totalCapped: boolean }> {
  const asOf = q.asOf ?? todayOf(ctx);
  const { items, total, totalCapped } = await listTasks(ctx.db, {
    ...filterOf(actor, q),
    ...oncePerWork(q),
    status: ["overdue"],
    asOf,
    dueSoonDays: ctx.config.dueSoonDays,
    orderBy: "daysOverdue",
    limit: q.limit,
    offset: q.offset,
  });
  const views = items.map((t) => taskListItem(t, statusOf(ctx, t, asOf), t.lead));
  return { asOf, items: await withRestatedIn(ctx, actor, q, views), total, totalCapped };
}

/**
 * A lead unit's card; `group` marks a placeholder such as "Các bộ, ngành", listed apart.
 * `reminderMedianDays`: the median days from the unit's first report-day reminder of a plan and
 * period to each report it then sent (`remindedReports` of them); null without any.
 */
export type ScorecardView = UnitScorecard<number> & {
  name: string;
  group: boolean;
  reminderMedianDays: number | null;
  remindedReports: number;
};

/**
 * Unit scorecards: tasks led by status (first lead unit), for recurring tasks the share of
 * reporting periods reported on time (accepted reports, received by the period's due date), and
 * how long after a report-day reminder the unit's reports arrive (median days).
 */
export async function scorecardsFor(
  ctx: Ctx,
  actor: Actor,
  q: StatsQuery,
): Promise<{ asOf: string; items: ScorecardView[] }> {
  const asOf = q.asOf ?? todayOf(ctx);
  const filter = filterOf(actor, q);
  const window = { asOf, dueSoonDays: ctx.config.dueSoonDays };
  const [ranking, timeliness] = await Promise.all([
    rankLeadUnits(ctx.db, { ...filter, ...window }),
    reportTimeliness(ctx, filter, asOf),
  ]);
  const ids = ranking.items.map((b) => b.orgId);
  const [names, groups, responses] = await Promise.all([
    organisationNames(ctx.db, ids),
    groupIdsAmong(ctx.db, ids),
    reminderResponseRows(ctx.db, ids).then(reminderResponseByUnit),
  ]);
  const items = ranking.items
    .map((b) => ({
      ...unitScorecard(b.orgId, b.counts, timeliness.get(b.orgId)),
      name: names.get(b.orgId) ?? `#${b.orgId}`,
      group: groups.has(b.orgId),
      reminderMedianDays: responses.get(b.orgId)?.medianDays ?? null,
      remindedReports: responses.get(b.orgId)?.reports ?? 0,
    }))
    .sort((a, b) => a.unitId - b.unitId);
  return { asOf, items };
}
