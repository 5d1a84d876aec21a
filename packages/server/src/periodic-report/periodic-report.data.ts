/**
 * Gathers the periodic report's input from what the server already computes: status counts,
 * task and overdue lists, unit scorecards, indicators evaluated as of the date, and the units'
 * latest reports (reason, progress), deadline extension requests and accepted remarks.
 */
import {
  addDays,
  emptyStatusCounts,
  formatDate,
  formatIndicatorPeriod,
  formatIndicatorValue,
  progressLabel,
  reportPeriodStart,
  statedReason,
  type PeriodicReportInput,
  type ReportIndicatorLine,
  type ReportOverdueLine,
  type ReportScorecardLine,
  type ReportPeriod,
  type ReportRemark,
  type ReportTaskLine,
  type StatusCode,
} from "@giamsat/core";
import {
  type LatestReport,
  acceptedRemarks,
  getPlan,
  listPlans,
  latestExtensionsOf,
  latestReportsOf,
  organisationNames,
} from "@giamsat/db";
import type { Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import { listIndicatorsFor } from "../services/indicator.service.js";
import { scorecardsFor, type ScorecardView } from "../services/stats.service.js";
import { taskPagesFor } from "../services/task.service.js";
import type { TaskListItemView } from "../services/task.view.js";

export type PeriodicReportQuery = {
  plan?: number;
  asOf: string;
  unit?: number;
  period: ReportPeriod;
};

/** tasks read per page by key while the annexes are written */
const PAGE = 2000;
/** Where central agencies sit; the monitoring department edits it in the .docx when not so. */
const PLACE = "Hà Nội";

/** Every task in scope (or the overdue ones, most days overdue first), pages read by key. */
export function taskPages(ctx: Ctx, actor: Actor, q: PeriodicReportQuery, overdue: boolean) {
  return taskPagesFor(
    ctx,
    actor,
    {
      ...(q.plan !== undefined ? { plan: q.plan } : {}),
      ...(q.unit !== undefined ? { lead: q.unit } : {}),
      asOf: q.asOf,
      ...(overdue ? { status: ["overdue" as StatusCode], orderBy: "daysOverdue" as const } : {}),
    },
    PAGE,
  );
}

async function allTasks(ctx: Ctx, actor: Actor, q: PeriodicReportQuery, overdue: boolean) {
  const items: TaskListItemView[] = [];
  for await (const page of taskPages(ctx, actor, q, overdue)) items.push(...page);
  return items;
}

async function subjectOf(
  ctx: Ctx,
  planId: number | undefined,
): Promise<{ subject: string; agency: string }> {
  const plan = planId !== undefined ? await getPlan(ctx.db, planId) : undefined;
  if (!plan) {
    // every plan: the agency that issued most of them
    const issuers = (await listPlans(ctx.db)).map((p) => p.issuer).filter((i) => i !== null);
    const most = [...new Set(issuers)].sort(
      (a, b) => issuers.filter((i) => i === b).length - issuers.filter((i) => i === a).length,
    )[0];
    return { subject: "các kế hoạch thực hiện Nghị quyết số 57-NQ/TW", agency: most ?? "" };
  }
  const issued = [
    plan.number ? `số ${plan.number}` : null,
    plan.date ? `ngày ${formatDate(plan.date)}` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const kind = plan.kind?.trim();
  const subject =
    kind && !/^kế hoạch$/i.test(kind)
      ? `Kế hoạch ban hành kèm theo ${kind} ${issued}`
      : `Kế hoạch ${issued}`;
  return { subject: subject.trim(), agency: plan.issuer ?? "" };
}

/** One task's line: where it stands as of the date and its latest report's progress. */
export function taskLine(t: TaskListItemView, report: LatestReport | undefined): ReportTaskLine {
  return {
    plan: t.planNumber ?? "",
    number: t.number,
    name: t.name,
    status: t.status,
    lead: t.lead.map((o) => o.name).join("; "),
    deadline: t.deadlineLabel,
    due: t.deadline.kind === "date" ? t.deadline.due : null,
    progress: report ? progressLabel(report) : "",
  };
}

/** An overdue task's line, with the reason and new date its unit gave last. */
export function overdueLine(
  t: TaskListItemView,
  report: LatestReport | undefined,
  extension: Parameters<typeof statedReason>[1],
): ReportOverdueLine {
  return {
    ...taskLine(t, report),
    daysOverdue: t.daysOverdue ?? 0,
    ...statedReason(report, extension),
  };
}

export function scorecardLine(s: ScorecardView): ReportScorecardLine {
  return {
    unit: s.name,
    led: s.led,
    done: s.doneOnTime + s.doneLate,
    overdue: s.overdue,
    reportsDue: s.reportsDue,
    reportsOnTime: s.reportsOnTime,
  };
}

export function indicatorLine(
  i: Awaited<ReturnType<typeof listIndicatorsFor>>["items"][number],
): ReportIndicatorLine {
  return {
    number: i.number,
    name: i.name,
    unit: i.unit,
    latest: i.latest
      ? `${formatIndicatorValue(i.latest.value, i.unit)} (${formatIndicatorPeriod(i.latest.period)})`
      : "",
    achievement: i.achievement,
    warning: i.warningText,
  };
}

/** The annexes' short lists: the lead units' scorecards and the indicators (up to 1,000). */
export async function shortLists(ctx: Ctx, actor: Actor, q: PeriodicReportQuery) {
  const [scorecards, indicators] = await Promise.all([
    scorecardsFor(ctx, actor, {
      ...(q.plan !== undefined ? { plan: q.plan } : {}),
      ...(q.unit !== undefined ? { lead: q.unit } : {}),
      asOf: q.asOf,
    }),
    listIndicatorsFor(ctx, actor, {
      ...(q.plan !== undefined ? { plan: q.plan } : {}),
      ...(q.unit !== undefined ? { unit: q.unit } : {}),
      asOf: q.asOf,
      limit: 1000,
      offset: 0,
    }),
  ]);
  return { scorecards, indicators };
}

export async function periodicReportInput(
  ctx: Ctx,
  actor: Actor,
  q: PeriodicReportQuery,
  drafts: PeriodicReportInput["drafts"],
): Promise<PeriodicReportInput> {
  const before = addDays(q.asOf, 1);
  const [tasks, overdue, { scorecards, indicators }, { subject, agency }, names] =
    await Promise.all([
      allTasks(ctx, actor, q, false),
      allTasks(ctx, actor, q, true),
      shortLists(ctx, actor, q),
      subjectOf(ctx, q.plan),
      organisationNames(
        ctx.db,
        [actor.orgId, q.unit].filter((x): x is number => x != null),
      ),
    ]);
  const ids = tasks.map((t) => t.id);
  const overdueIds = overdue.map((t) => t.id);
  const [latest, extensions, remarks] = await Promise.all([
    latestReportsOf(ctx.db, ids, before),
    latestExtensionsOf(ctx.db, overdueIds, before),
    acceptedRemarks(ctx.db, ids, reportPeriodStart(q.period, q.asOf), before),
  ]);
  const counts = emptyStatusCounts();
  for (const t of tasks) counts[t.status] += 1;
  const remark = (text: string | null, r: (typeof remarks)[number]): ReportRemark[] =>
    text?.trim()
      ? [
          {
            unit: r.org_name ?? "",
            task: `nhiệm vụ ${r.task_number ?? r.task_name}`,
            text: text.trim(),
          },
        ]
      : [];
  return {
    asOf: q.asOf,
    period: q.period,
    agency,
    department: actor.orgId !== null ? (names.get(actor.orgId) ?? null) : null,
    subject,
    unit: q.unit !== undefined ? (names.get(q.unit) ?? null) : null,
    place: PLACE,
    counts,
    tasks: tasks.map((t) => taskLine(t, latest.get(t.id))),
    overdue: overdue.map((t) => overdueLine(t, latest.get(t.id), extensions.get(t.id))),
    scorecards: scorecards.items.map(scorecardLine),
    indicators: indicators.items.map(indicatorLine),
    difficulties: remarks.flatMap((r) => remark(r.difficulties, r)),
    proposals: remarks.flatMap((r) => remark(r.proposals, r)),
    drafts,
  };
}
