import { STATUS_CODES } from "@giamsat/core";
import { z } from "zod";
import { asOfParam, id, limitParam, offsetParam, statusListParam } from "../../http/query.js";

export const taskListQuery = z.object({
  plan: id.optional(),
  asOf: asOfParam,
  status: statusListParam,
  lead: id.optional(),
  q: z.string().trim().max(200).optional(),
  kind: z.enum(["time-bound", "recurring"]).optional(),
  limit: limitParam(500, 50),
  offset: offsetParam,
});

export const deadlineSchema = z.object({
  raw: z.string(),
  kind: z.enum(["date", "range", "recurring", "unresolved", "none"]),
  due: z.string().nullable(),
  start: z.string().nullable(),
  recurrence: z.enum(["continuous", "monthly", "quarterly", "yearly"]).nullable(),
  note: z.string().nullable(),
});

export const taskOrgSchema = z.object({
  orgId: z.number().nullable(),
  name: z.string(),
  raw: z.string(),
  kind: z.enum(["unit", "group"]),
  resolved: z.boolean(),
});

export const taskListItemSchema = z.object({
  id: z.number(),
  planId: z.number(),
  planNumber: z.string().nullable(),
  appendixId: z.number(),
  number: z.string().nullable(),
  kind: z.enum(["time-bound", "recurring"]),
  name: z.string(),
  status: z.enum(STATUS_CODES),
  statusLabel: z.string(),
  daysOverdue: z.number().nullable(),
  daysLeft: z.number().nullable(),
  deadline: deadlineSchema,
  deadlineLabel: z.string(),
  leader: z.string().nullable(),
  lead: z.array(taskOrgSchema),
  output: z.string().nullable(),
  completedOn: z.string().nullable(),
  confidential: z.boolean(),
});

export const taskListResponse = z.object({
  asOf: z.string(),
  items: z.array(taskListItemSchema),
  total: z.number(),
});
