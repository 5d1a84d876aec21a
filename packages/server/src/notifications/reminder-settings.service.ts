/**
 * What the administrator edits for reminders: the public holidays that working days skip, and
 * each plan's offsets (report days, deadline days, overdue interval). Both are audited.
 */
import {
  checkReminderSettings,
  DEFAULT_REMINDER_SETTINGS,
  NotFoundError,
  ValidationError,
  type ReminderSettings,
} from "@giamsat/core";
import {
  getPlan,
  listHolidays,
  listReminderSettings,
  recordAudit,
  saveHolidays,
  saveReminderSettings,
} from "@giamsat/db";
import { requireRole, type Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";

export type Holiday = { date: string; name: string };

export async function holidaysFor(ctx: Ctx, actor: Actor): Promise<{ items: Holiday[] }> {
  requireRole(actor, "admin", "monitor");
  return { items: await listHolidays(ctx.db) };
}

/** Replaces the list of public holidays (admin); a date given twice is refused. */
export async function setHolidays(
  ctx: Ctx,
  actor: Actor,
  items: Holiday[],
): Promise<{ items: Holiday[] }> {
  requireRole(actor, "admin");
  const seen = new Set<string>();
  items.forEach((h, i) => {
    if (seen.has(h.date))
      throw new ValidationError(`items[${i}].date: ngày ${h.date} đã có trong danh sách.`);
    seen.add(h.date);
  });
  await ctx.db.transaction().execute(async (trx) => {
    const before = await listHolidays(trx);
    await saveHolidays(trx, items);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "holidays.set",
      entity: "holidays",
      entityId: null,
      before,
      after: items,
    });
  });
  return { items: await listHolidays(ctx.db) };
}

export type PlanReminderSettings = ReminderSettings & { planId: number; explicit: boolean };

export async function reminderSettingsOf(
  ctx: Ctx,
  actor: Actor,
  planId: number,
): Promise<PlanReminderSettings> {
  requireRole(actor, "admin", "monitor");
  if (!(await getPlan(ctx.db, planId)))
    throw new NotFoundError(`Không tìm thấy kế hoạch số hiệu ${planId}.`);
  const row = (await listReminderSettings(ctx.db)).find((r) => r.plan_id === planId);
  return row
    ? {
        planId,
        explicit: true,
        reportDays: JSON.parse(row.report_days) as number[],
        deadlineDays: JSON.parse(row.deadline_days) as number[],
        overdueEveryDays: row.overdue_every_days,
      }
    : { planId, explicit: false, ...DEFAULT_REMINDER_SETTINGS };
}

export async function setReminderSettings(
  ctx: Ctx,
  actor: Actor,
  planId: number,
  input: ReminderSettings,
): Promise<PlanReminderSettings> {
  requireRole(actor, "admin");
  const before = await reminderSettingsOf(ctx, actor, planId);
  const s = checkReminderSettings(input);
  await ctx.db.transaction().execute(async (trx) => {
    await saveReminderSettings(trx, {
      plan_id: planId,
      report_days: JSON.stringify(s.reportDays),
      deadline_days: JSON.stringify(s.deadlineDays),
      overdue_every_days: s.overdueEveryDays,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "reminder_settings.set",
      entity: "plan",
      entityId: planId,
      before,
      after: s,
    });
  });
  return { planId, explicit: true, ...s };
}
