/**
 * The reminders due on a day, addressed: report-day reminders to the units that still owe a
 * report, deadline reminders to the lead unit, overdue reminders up the ladder (staff, head,
 * then the monitoring department and leaders). Unit staff are never told of a confidential
 * task: its reminders go to the unit's head.
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
  unitRecipients,
  usersWithRoles,
  type RecipientRow,
  type ReminderTaskRow,
} from "@giamsat/db";
import { calendarsByPlan } from "../services/calendar.service.js";
import type { Ctx } from "../services/context.js";
import type { Addressed } from "./recipients.js";

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

/** Members of each unit, by unit id. */
async function membersByUnit(ctx: Ctx, orgIds: Iterable<number>) {
  const byUnit = new Map<number, RecipientRow[]>();
  for (const r of await unitRecipients(ctx.db, [...new Set(orgIds)])) {
    const list = byUnit.get(r.org_id as number) ?? [];
    list.push(r);
    byUnit.set(r.org_id as number, list);
  }
  return byUnit;
}

/** Who of a unit hears of a task: staff only of tasks that are not confidential. */
const sees = (r: RecipientRow, t: ReminderTaskRow) => r.role === "unit_head" || !t.confidential;

export async function planReminders(
  ctx: Ctx,
  asOf: string,
  holidays: Holidays,
): Promise<Addressed[]> {
  const settings = await settingsByPlan(ctx);
  const plans = await listReminderPlans(ctx.db);
  const calendars = await calendarsByPlan(
    ctx,
    plans.map((p) => p.id),
  );
  const site = ctx.config.siteUrl;
  const out: Addressed[] = [];

  const owing: {
    planLabel: string;
    planId: number;
    r: ReturnType<typeof reportRemindersOn>[number];
    tasks: ReminderTaskRow[];
  }[] = [];
  for (const plan of plans) {
    const cal = calendars.get(plan.id)!;
    for (const r of reportRemindersOn(asOf, cal, settings(plan.id).reportDays, holidays)) {
      const tasks = await tasksOwingReport(ctx.db, plan.id, r.period);
      const planLabel = `${plan.kind ?? "Kế hoạch"}${plan.number ? ` số ${plan.number}` : ""}`;
      owing.push({ planLabel, planId: plan.id, r, tasks });
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

  const units = [...owing.flatMap((o) => o.tasks), ...dueTasks.map((d) => d.t)].map(
    (t) => t.lead_org_id,
  );
  const members = await membersByUnit(ctx, units);
  const names = await organisationNames(ctx.db, [...new Set(units)]);
  const unitName = (id: number) => names.get(id) ?? "đơn vị";

  for (const { planLabel, planId, r, tasks } of owing) {
    const byUnit = new Map<number, ReminderTaskRow[]>();
    for (const t of tasks) {
      const list = byUnit.get(t.lead_org_id);
      if (list) list.push(t);
      else byUnit.set(t.lead_org_id, [t]);
    }
    for (const [orgId, unitTasks] of byUnit) {
      // one message per unit and audience (heads see confidential tasks, staff do not)
      const messages = new Map<boolean, Message | null>();
      const messageFor = (head: boolean) => {
        if (!messages.has(head)) {
          const visible = unitTasks.filter((t) => head || !t.confidential);
          const input = {
            planLabel,
            unitName: unitName(orgId),
            period: r.period,
            reportDay: r.reportDay,
            daysBefore: r.daysBefore,
            tasks: visible.map(ref),
          };
          messages.set(head, visible.length ? reportDueMessage(input, site) : null);
        }
        return messages.get(head) ?? null;
      };
      const key = {
        rule: "report_due",
        item: `plan:${planId}:org:${orgId}`,
        period: r.period.key,
        step: String(r.daysBefore),
      };
      for (const to of members.get(orgId) ?? []) {
        const message = messageFor(to.role === "unit_head");
        if (message) out.push({ key, to, message });
      }
    }
  }

  const monitors = dueTasks.some((d) => d.hit.kind === "overdue" && d.hit.rung === "monitor_leader")
    ? await usersWithRoles(ctx.db, ["monitor", "leader"])
    : [];
  for (const { t, hit } of dueTasks) {
    const unit = members.get(t.lead_org_id) ?? [];
    const due = t.due_date as string;
    if (hit.kind === "due") {
      for (const to of unit.filter((m) => sees(m, t))) {
        out.push({
          key: {
            rule: "task_due",
            item: `task:${t.id}`,
            period: due,
            step: String(hit.daysBefore),
          },
          to,
          message: taskDueMessage(
            { unitName: unitName(t.lead_org_id), task: ref(t), due, daysBefore: hit.daysBefore },
            site,
          ),
        });
      }
      continue;
    }
    const staff = unit.filter((m) => m.role === "unit_staff" && sees(m, t));
    const heads = unit.filter((m) => m.role === "unit_head");
    const to =
      hit.rung === "unit_staff"
        ? staff.length
          ? staff
          : heads
        : hit.rung === "unit_head"
          ? heads
          : monitors;
    const message = taskOverdueMessage(
      {
        unitName: unitName(t.lead_org_id),
        task: ref(t),
        due,
        daysLate: hit.daysLate,
        step: hit.step,
      },
      site,
    );
    for (const r of to) {
      out.push({
        key: { rule: "task_overdue", item: `task:${t.id}`, period: due, step: String(hit.step) },
        to: r,
        message,
      });
    }
  }
  return out;
}
