import { STATUS_CODES, WARNING_LEVELS, type WarningLevel } from "@giamsat/core";
import { z } from "zod";
import { planSchema } from "../routes/plans/plans.schemas.js";

/** A published plan's identity (no owner, no import details). */
export const publicPlanSchema = planSchema
  .pick({ id: true, kind: true, number: true, date: true, issuer: true, title: true })
  .extend({ publishedAt: z.string() });

/**
 * An overdue task as the public sees it: units only, no person, no review comment; the lead
 * unit's stated reason (its latest accepted report, else its extension request; "" when none)
 * and the new date it committed to (its extension request).
 */
export const publicOverdueSchema = z.object({
  number: z.string().nullable(),
  appendix: z.string(),
  name: z.string(),
  deadline: z.string(),
  daysOverdue: z.number().nullable(),
  leadUnits: z.array(z.string()),
  reason: z.string(),
  newDate: z.string().nullable(),
});

/** A lead unit that has not sent every report due on time (recurring tasks' periods). */
export const publicLateUnitSchema = z.object({
  unit: z.string(),
  reportsDue: z.number(),
  reportsOnTime: z.number(),
});

/** An indicator with its latest accepted value and achievement as of the page's day. */
export const publicIndicatorSchema = z.object({
  number: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  responsible: z.string().nullable(),
  target: z.string().nullable(),
  latest: z.string().nullable(),
  achievement: z.number().nullable(),
  warning: z.enum(WARNING_LEVELS as [WarningLevel, ...WarningLevel[]]),
  warningText: z.string(),
});

/** A published PAKN answer: never the sender's contact; the name only when the sender chose. */
export const publicFeedbackSchema = z.object({
  code: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  senderName: z.string().nullable(),
  task: z.string().nullable(),
  unit: z.string().nullable(),
  answer: z.string(),
  rating: z.number().nullable(),
  receivedAt: z.string(),
});

export const publicPlanDetailSchema = z.object({
  plan: publicPlanSchema,
  asOf: z.string(),
  total: z.number(),
  counts: z.record(z.enum(STATUS_CODES), z.number()),
  labels: z.record(z.enum(STATUS_CODES), z.string()),
  overdue: z.array(publicOverdueSchema),
  overdueTotal: z.number(),
  lateUnits: z.array(publicLateUnitSchema),
  indicators: z.array(publicIndicatorSchema),
  feedback: z.object({
    items: z.array(publicFeedbackSchema),
    total: z.number(),
    rated: z.number(),
    averageRating: z.number().nullable(),
  }),
});

export const planPublishedInput = z.object({
  published: z.boolean(),
  reason: z.string().trim().min(1, "Cần nêu lý do công khai hoặc thôi công khai kế hoạch."),
});

export type PublicPlanView = z.output<typeof publicPlanSchema>;
export type PublicOverdueView = z.output<typeof publicOverdueSchema>;
export type PublicPlanDetailView = z.output<typeof publicPlanDetailSchema>;
