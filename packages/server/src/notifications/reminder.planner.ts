/**
 * The reminders due on a day, told to audiences (fanned out to the users by the worker):
 * report-day reminders to the units that still owe a report, deadline reminders to the lead
 * unit, overdue reminders up the ladder (staff, head, then the monitoring department and
 * leaders). Unit staff are never told of a confidential task: its reminders go to the unit's head.
 */
import {
  checkReminderSettings,
  deadlineHorizon,
  deadlineReminderOn,
  DEFAULT_REMINDER_SETTINGS,
  reportDueMessage,
  reportRemindersOn,
  taskDueMessage,
  taskOverdueMessage,
  type Holidays,
  type Message,
  type ReminderSettings,
  type TaskRef,
} from "@giamsat/core";
import {
  listHolidays,
  listReminderPlans,
  listReminderSettings,
  openTasksDueBy,
  organisationNames,
  tasksOwingReport,
  unitsWithStaff,
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

const ref = (t: ReminderTaskRow): TaskRef => ({ id: t.id, number: t.number, name: t.name });

type ReportReminder = ReturnType<typeof reportRemindersOn>[number];

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

/** Tasks grouped by plan, then by lead unit, in task order. */
function byPlanAndUnit(tasks: readonly ReminderTaskRow[]) {
  const out = new Map<number, Map<number, ReminderTaskRow[]>>();
  for (const t of tasks) {
    const plan = out.get(t.plan_id) ?? new Map<number, ReminderTaskRow[]>();
    const list = plan.get(t.lead_org_id);
    if (list) list.push(t);
    else plan.set(t.lead_org_id, [t]);
    out.set(t.plan_id, plan);
  }
  return out;
}

export async function planReminders(ctx: Ctx, asOf: string, holidays: Holidays): Promise<Told[]> {
  const settings = await settingsByPlan(ctx);
  const plans = await listReminderPlans(ctx.db);
  const calendars = await calendarsByPlan(
    ctx,
    plans.map((p) => p.id),
  );
  const site = ctx.config.siteUrl;
  const out: Told[] = [];

  const owing: { planId: number; r: ReportReminder; tasks: ReminderTaskRow[] }[] = [];
  const groups = reportRemindersByPeriod(plans, (planId) =>
    reportRemindersOn(asOf, calendars.get(planId)!, settings(planId).reportDays, holidays),
  );
  for (const { r, planIds } of groups) {
    const tasks = byPlanAndUnit(await tasksOwingReport(ctx.db, planIds, r.period));
    for (const planId of planIds) {
      for (const unitTasks of tasks.get(planId)?.values() ?? []) {
        owing.push({ planId, r, tasks: unitTasks });
      }
    }
  }
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

  const names = await organisationNames(ctx.db, [
    ...new Set([
      ...owing.map((o) => o.tasks[0]!.lead_org_id),
      ...dueTasks.map((d) => d.t.lead_org_id),
    ]),
  ]);
  const unitName = (id: number) => names.get(id) ?? "đơn vị";
  const planLabels = new Map(
    plans.map((p) => [p.id, `${p.kind ?? "Kế hoạch"}${p.number ? ` số ${p.number}` : ""}`]),
  );

  for (const { planId, r, tasks } of owing) {
    const orgId = tasks[0]!.lead_org_id;
    const message = (visible: readonly ReminderTaskRow[]): Message =>
      reportDueMessage(
        {
          planLabel: planLabels.get(planId)!,
          unitName: unitName(orgId),
          period: r.period,
          reportDay: r.reportDay,
          daysBefore: r.daysBefore,
          tasks: visible.map(ref),
        },
        site,
      );
    const key = {
      rule: "report_due",
      item: `plan:${planId}:org:${orgId}`,
      period: r.period.key,
      step: String(r.daysBefore),
    };
    // one message for the whole unit; heads and staff apart when a task is confidential
    const open = tasks.filter((t) => !t.confidential);
    if (open.length === tasks.length) {
      out.push({ key, to: { orgId, audience: "unit" }, message: message(tasks) });
      continue;
    }
    out.push({ key, to: { orgId, audience: "unit_head" }, message: message(tasks) });
    if (open.length)
      out.push({ key, to: { orgId, audience: "unit_staff" }, message: message(open) });
  }

  const staffed = await unitsWithStaff(
    ctx.db,
    dueTasks.filter((d) => d.hit.kind === "overdue").map((d) => d.t.lead_org_id),
  );
  for (const { t, hit } of dueTasks) {
    const orgId = t.lead_org_id;
    const due = t.due_date as string;
    if (hit.kind === "due") {
      out.push({
        key: { rule: "task_due", item: `task:${t.id}`, period: due, step: String(hit.daysBefore) },
        to: { orgId, audience: t.confidential ? "unit_head" : "unit" },
        message: taskDueMessage(
          { unitName: unitName(orgId), task: ref(t), due, daysBefore: hit.daysBefore },
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
      { unitName: unitName(orgId), task: ref(t), due, daysLate: hit.daysLate, step: hit.step },
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
