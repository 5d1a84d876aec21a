import { TASK_ORDERS } from "@giamsat/db";
import { z } from "zod";
import { taskListItemSchema } from "../../services/task.view.js";
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

export const taskListResponse = z.object({
  asOf: z.string(),
  items: z.array(taskListItemSchema),
  total: z.number(),
  totalCapped: z
    .boolean()
    .describe("true: tìm kiếm (q) khớp hơn `total` nhiệm vụ — đếm đến đó thì dừng"),
});
