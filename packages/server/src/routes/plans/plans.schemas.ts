import { dateInput } from "@giamsat/core";
import { z } from "zod";

export const calendarBody = z.object({
  frequency: z.enum(["monthly", "quarterly"]),
  dueDay: z.number().int().min(2, "Ngày hạn từ 2 đến 31").max(31, "Ngày hạn từ 2 đến 31"),
});

export const calendarSchema = calendarBody.extend({ planId: z.number(), explicit: z.boolean() });

export const planSchema = z.object({
  id: z.number(),
  kind: z.string().nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  draft: z.boolean(),
  ownerOrgId: z.number().nullable(),
  ownerOrgName: z.string().nullable(),
  taskCount: z.number(),
  sourceName: z.string(),
  importedAt: z.string(),
  trackedFrom: z.string(),
  trackedFromSet: z.boolean(),
  publishedAt: z.string().nullable().describe("công khai từ lúc nào (null: không công khai)"),
  calendar: calendarSchema,
});

/** The day a plan is tracked from (null: its import day), with an optional reason. */
export const trackedFromBody = z.object({
  trackedFrom: dateInput.nullable(),
  reason: z.string().trim().max(2000).optional(),
});

export const planDetailSchema = planSchema.extend({
  warnings: z.array(
    z.object({ line: z.number().nullable(), code: z.string(), message: z.string() }),
  ),
  appendices: z.array(
    z.object({
      id: z.number(),
      ordinal: z.number(),
      title: z.string(),
      kind: z.enum(["tasks", "indicators"]),
      columns: z.array(z.string()),
      groups: z.array(
        z.object({
          id: z.number(),
          path: z.array(z.string()),
          number: z.string().nullable(),
          title: z.string(),
          role: z.enum(["lead", "support"]).nullable(),
        }),
      ),
    }),
  ),
});

export const calendarListSchema = z.object({
  items: z.array(
    calendarSchema.extend({ planNumber: z.string().nullable(), planTitle: z.string().nullable() }),
  ),
});

/** The bodies of the plan endpoints, for the web app (`@giamsat/server/api`). */
export type PlanResponse = z.output<typeof planSchema>;
export type PlanDetailResponse = z.output<typeof planDetailSchema>;
export type CalendarListResponse = z.output<typeof calendarListSchema>;
