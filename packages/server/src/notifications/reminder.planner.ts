/**
 * The reminders due on a day, told to audiences (fanned out to the users by the worker):
 * report-day reminders to the units that still owe a report, deadline reminders to the lead
 * unit, overdue reminders up the ladder (staff, head, then the monitoring department and
 * leaders). Unit staff are never told of a confidential task: its reminders go to the unit's head.
 * At national scale (hundreds of thousands of owing tasks) the report-day reminders are read and
 * yielded per chunk of plans, to be queued as they are composed; each is stored as its tasks'
 * ids and rendered when sent (deferred-message.ts), so no task name is read here.
 */
import {
  checkReminderSettings,
  deadlineHorizon,
  deadlineReminderOn,
  DEFAULT_REMINDER_SETTINGS,
  deferredReportDue,
  reportRemindersOn,
  taskDueMessage,
  taskOverdueMessage,
  type Holidays,
  type ReminderSettings,
} from "@giamsat/core";
import {
  listHolidays,
  listReminderPlans,
  listReminderSettings,
  openTasksDueBy,
  organisationNames,
  taskRefsByIds,
  tasksOwingReport,
  unitsWithStaff,
  type PlanLabelRow,
  type ReminderTaskRow,
} from "@giamsat/db";
import { calendarsByPlan } from "../services/calendar.service.js";
import type { Ctx } from "../services/context.js";
import type { Audience, Told } from "./fanout.js";

export async function holidaysOf(ctx: Ctx): Promise<Holidays> {
  return new Set((await listHolidays(ctx.db)).map((h) => h.date));
}

async function settingsByPlan(ctx: Ctx): Promise<(planId: number) => ReminderSettings> {
  const rows = new Map((await listReminderSettings(ctx.db)).map((r) => [r.plan_id, r]));
  return (planId) => {
    const r = rows.get(planId);
    return r
      ? checkReminderSettings({
          reportDays: JSON.parse(r.report_days) as number[],
          deadlineDays: JSON.parse(r.deadline_days) as number[],
          overdueEveryDays: r.overdue_every_days,
        })
      : DEFAULT_REMINDER_SETTINGS;
  };
}

type ReportReminder = ReturnType<typeof reportRemindersOn>[number];

/** plans whose owing tasks are read in one query and queued together */
const PLAN_CHUNK = 500;

/** Each plan's report reminders of the day, gathered so that one query serves many plans. */
function reportRemindersByPeriod(
  plans: readonly { id: number }[],
  remindersOf: (planId: number) => ReportReminder[],
) {
  const groups = new Map<string, { r: ReportReminder; planIds: number[] }>();
  for (const plan of plans) {
    for (const r of remindersOf(plan.id)) {
      const key = `${r.period.key}|${r.period.end}|${r.reportDay}|${r.daysBefore}`;
      const group = groups.get(key);
      if (group) group.planIds.push(plan.id);
      else groups.set(key, { r, planIds: [plan.id] });
    }
  }
  return [...groups.values()];
}

/** Tasks grouped by plan and lead unit, in task order. */
function byPlanAndUnit(tasks: readonly ReminderTaskRow[]): ReminderTaskRow[][] {
  const out = new Map<string, ReminderTaskRow[]>();
  for (const t of tasks) {
    const key = `${t.plan_id}:${t.lead_org_id}`;
    const list = out.get(key);
    if (list) list.push(t);
    else out.set(key, [t]);
  }
  return [...out.values()];
}

const planLabel = (p: PlanLabelRow) =>
  `${p.kind ?? "Kế hoạch"}${p.number ? ` số ${p.number}` : ""}`;

/**
 * The day's reminders, yielded in chunks: the deadline and overdue reminders first, then the
 * report-day reminders of up to PLAN_CHUNK plans at a time.
 */
export async function* planReminders(
  ctx: Ctx,
  asOf: string,
  holidays: Holidays,
): AsyncGenerator<Told[]> {
  const settings = await settingsByPlan(ctx);
  const plans = await listReminderPlans(ctx.db);
  yield await deadlineReminders(ctx, asOf, holidays, plans, settings);

  const calendars = await calendarsByPlan(
    ctx,
    plans.map((p) => p.id),
  );
  const labels = new Map(plans.map((p) => [p.id, planLabel(p)]));
  const groups = reportRemindersByPeriod(plans, (planId) =>
    reportRemindersOn(asOf, calendars.get(planId)!, settings(planId).reportDays, holidays),
  );
  for (const { r, planIds } of groups) {
    for (let i = 0; i < planIds.length; i += PLAN_CHUNK) {
      const units = byPlanAndUnit(
        await tasksOwingReport(ctx.db, planIds.slice(i, i + PLAN_CHUNK), r.period),
      );
      const names = await organisationNames(ctx.db, [
        ...new Set(units.map((u) => u[0]!.lead_org_id)),
      ]);
      yield units.flatMap((tasks): Told[] => {
        const { plan_id: planId, lead_org_id: orgId } = tasks[0]!;
        const message = (visible: readonly ReminderTaskRow[]) =>
          deferredReportDue(
            {
              planLabel: labels.get(planId)!,
              unitName: names.get(orgId) ?? "đơn vị",
              period: r.period,
              reportDay: r.reportDay,
              daysBefore: r.daysBefore,
            },
            visible.map((t) => t.id),
          );
        const key = {
          rule: "report_due",
          item: `plan:${planId}:org:${orgId}`,
          period: r.period.key,
          step: String(r.daysBefore),
        };
        // one message for the whole unit; heads and staff apart when a task is confidential
        const open = tasks.filter((t) => !t.confidential);
        if (open.length === tasks.length)
          return [{ key, to: { orgId, audience: "unit" }, message: message(tasks) }];
        const head: Told = { key, to: { orgId, audience: "unit_head" }, message: message(tasks) };
        if (!open.length) return [head];
        return [head, { key, to: { orgId, audience: "unit_staff" }, message: message(open) }];
      });
    }
  }
}

/** Deadline reminders of the day, and overdue ones up the ladder. */
async function deadlineReminders(
  ctx: Ctx,
  asOf: string,
  holidays: Holidays,
  plans: readonly PlanLabelRow[],
  settings: (planId: number) => ReminderSettings,
): Promise<Told[]> {
  const site = ctx.config.siteUrl;
  const dueTasks: {
    t: ReminderTaskRow;
    hit: NonNullable<ReturnType<typeof deadlineReminderOn>>;
  }[] = [];
  const longest = Math.max(...plans.map((p) => Math.max(...settings(p.id).deadlineDays)), 0);
  for (const t of await openTasksDueBy(ctx.db, deadlineHorizon(asOf, [longest]))) {
    const s = settings(t.plan_id);
    const hit = deadlineReminderOn(
      asOf,
      t.due_date as string,
      s.deadlineDays,
      s.overdueEveryDays,
      holidays,
    );
    if (hit) dueTasks.push({ t, hit });
  }
  const refs = await taskRefsByIds(
    ctx.db,
    dueTasks.map((d) => d.t.id),
  );
  const names = await organisationNames(ctx.db, [...new Set(dueTasks.map((d) => d.t.lead_org_id))]);
  const unitName = (id: number) => names.get(id) ?? "đơn vị";
  const staffed = await unitsWithStaff(
    ctx.db,
    dueTasks.filter((d) => d.hit.kind === "overdue").map((d) => d.t.lead_org_id),
  );
  const out: Told[] = [];
  for (const { t, hit } of dueTasks) {
    const task = refs.get(t.id);
    if (!task) continue; // deleted since it was read
    const orgId = t.lead_org_id;
    const due = t.due_date as string;
    if (hit.kind === "due") {
      out.push({
        key: { rule: "task_due", item: `task:${t.id}`, period: due, step: String(hit.daysBefore) },
        to: { orgId, audience: t.confidential ? "unit_head" : "unit" },
        message: taskDueMessage(
          { unitName: unitName(orgId), task, due, daysBefore: hit.daysBefore },
          site,
        ),
      });
      continue;
    }
    const to: Audience[] =
      hit.rung === "unit_staff"
        ? [{ orgId, audience: !t.confidential && staffed.has(orgId) ? "unit_staff" : "unit_head" }]
        : hit.rung === "unit_head"
          ? [{ orgId, audience: "unit_head" }]
          : [
              { orgId: null, audience: "monitor" },
              { orgId: null, audience: "leader" },
            ];
    const message = taskOverdueMessage(
      { unitName: unitName(orgId), task, due, daysLate: hit.daysLate, step: hit.step },
      site,
    );
    for (const audience of to) {
      out.push({
        key: { rule: "task_overdue", item: `task:${t.id}`, period: due, step: String(hit.step) },
        to: audience,
        message,
      });
    }
  }
  return out;
}
