import { STATUS_CODES } from "@giamsat/core";
import { TASK_ORDERS } from "@giamsat/db";
import { z } from "zod";
import { asOfParam, id, limitParam, offsetParam, statusListParam } from "../../http/query.js";

/** Filters shared by task lists, status counts and the overdue list. */
export const taskScopeQuery = z.object({
  plan: id.optional(),
  asOf: asOfParam,
  lead: id.optional(),
  leader: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("lãnh đạo chỉ đạo (tasks.leader), so khớp không dấu, không phân biệt hoa thường"),
  appendix: id.optional().describe("id của phụ lục (appendixId)"),
});

export const taskListQuery = taskScopeQuery.extend({
  status: statusListParam,
  q: z.string().trim().max(200).optional(),
  kind: z.enum(["time-bound", "recurring"]).optional(),
  orderBy: z
    .enum(TASK_ORDERS)
    .default("number")
    .describe(
      "number: thứ tự trong kế hoạch · deadline: hạn (không hạn ở cuối) · daysOverdue: quá hạn trước, lâu nhất trước · name · lead: đơn vị chủ trì · status",
    ),
  dir: z
    .enum(["asc", "desc"])
    .optional()
    .describe("mặc định asc (daysOverdue: desc = quá hạn lâu nhất trước)"),
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
  appendix: z.object({ id: z.number(), ordinal: z.number(), title: z.string(), label: z.string() }),
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
  restatedIn: z
    .array(z.object({ taskId: z.number(), number: z.string().nullable(), planId: z.number() }))
    .optional(),
});

export const taskListResponse = z.object({
  asOf: z.string(),
  items: z.array(taskListItemSchema),
  total: z.number(),
});
