import { dateInput } from "@giamsat/core";
import { z } from "zod";
import { idParams } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import {
  holidaysFor,
  reminderSettingsOf,
  setHolidays,
  setReminderSettings,
} from "../../notifications/reminder-settings.service.js";
import type { Ctx } from "../../services/context.js";

const days = z.array(z.number().int()).max(10);

const holidays = z.object({ items: z.array(z.object({ date: z.string(), name: z.string() })) });

const reminderSettings = z.object({
  planId: z.number(),
  explicit: z.boolean(),
  reportDays: z.array(z.number()),
  deadlineDays: z.array(z.number()),
  overdueEveryDays: z.number(),
});

/** The bodies of the reminder settings' endpoints, for the web app (`@giamsat/server/api`). */
export type HolidaysResponse = z.output<typeof holidays>;
export type ReminderSettingsResponse = z.output<typeof reminderSettings>;

export function reminderSettingsRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/holidays",
    tag: "notifications",
    summary: "Ngày nghỉ lễ, Tết: các ngày không tính là ngày làm việc khi nhắc việc",
    access: "user",
    response: holidays,
    handler: async ({ actor }) => holidaysFor(ctx, actor),
  });

  t.add({
    method: "PUT",
    url: "/api/holidays",
    tag: "notifications",
    summary: "Thay danh sách ngày nghỉ lễ, Tết (quản trị)",
    access: "user",
    body: z.object({
      items: z
        .array(z.object({ date: dateInput, name: z.string().trim().min(1).max(200) }))
        .max(1000),
    }),
    response: holidays,
    handler: async ({ body, actor }) => setHolidays(ctx, actor, body.items),
  });

  t.add({
    method: "GET",
    url: "/api/plans/:id/reminders",
    tag: "notifications",
    summary:
      "Mốc nhắc việc của kế hoạch: số ngày làm việc trước hạn báo cáo, số ngày trước thời hạn nhiệm vụ, chu kỳ nhắc quá hạn",
    access: "user",
    params: idParams,
    response: reminderSettings,
    handler: async ({ params, actor }) => reminderSettingsOf(ctx, actor, params.id),
  });

  t.add({
    method: "PUT",
    url: "/api/plans/:id/reminders",
    tag: "notifications",
    summary: "Đặt mốc nhắc việc của kế hoạch (quản trị)",
    access: "user",
    params: idParams,
    body: z.object({
      reportDays: days,
      deadlineDays: days,
      overdueEveryDays: z.number().int(),
    }),
    response: reminderSettings,
    handler: async ({ params, body, actor }) => setReminderSettings(ctx, actor, params.id, body),
  });
}
