import { STATUS_CODES } from "@giamsat/core";
import { z } from "zod";
import { planSchema } from "../routes/plans/plans.schemas.js";

/** A published plan's identity (no owner, no import details). */
export const publicPlanSchema = planSchema
  .pick({ id: true, kind: true, number: true, date: true, issuer: true, title: true })
  .extend({ publishedAt: z.string() });

/** An overdue task as the public sees it: units only, no person, no comment. */
export const publicOverdueSchema = z.object({
  number: z.string().nullable(),
  appendix: z.string(),
  name: z.string(),
  deadline: z.string(),
  daysOverdue: z.number().nullable(),
  leadUnits: z.array(z.string()),
});

export const publicPlanDetailSchema = z.object({
  plan: publicPlanSchema,
  asOf: z.string(),
  total: z.number(),
  counts: z.record(z.enum(STATUS_CODES), z.number()),
  labels: z.record(z.enum(STATUS_CODES), z.string()),
  overdue: z.array(publicOverdueSchema),
  overdueTotal: z.number(),
});

export const planPublishedInput = z.object({
  published: z.boolean(),
  reason: z.string().trim().min(1, "Cần nêu lý do công khai hoặc thôi công khai kế hoạch."),
});

export type PublicPlanView = z.output<typeof publicPlanSchema>;
export type PublicOverdueView = z.output<typeof publicOverdueSchema>;
export type PublicPlanDetailView = z.output<typeof publicPlanDetailSchema>;
