import { z } from "zod";
import { asOfParam, id, limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { periodSchema } from "../../services/task-detail.view.js";
import { taskListItemSchema } from "../../services/task.view.js";
import { INBOX_SHOWS, inboxFor } from "../../services/inbox.service.js";

export function inboxRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/inbox",
    tag: "reports",
    summary:
      "Việc của đơn vị: nhiệm vụ chưa xong theo hạn, mỗi nhiệm vụ với báo cáo phải gửi kỳ này (hạn gửi) và báo cáo bị trả lại kèm lý do; tìm (không cần dấu), lọc theo kế hoạch, loại, phải báo cáo kỳ này, bị trả lại, quá hạn; phân trang",
    access: "user",
    query: z.object({
      asOf: asOfParam,
      q: z.string().trim().max(200).optional(),
      plan: id.optional(),
      kind: z.enum(["time-bound", "recurring"]).optional(),
      show: z.enum(INBOX_SHOWS).default("all"),
      limit: limitParam(100, 20),
      offset: offsetParam,
    }),
    response: z.object({
      asOf: z.string(),
      counts: z.record(z.enum(INBOX_SHOWS), z.number()),
      total: z.number(),
      items: z.array(
        z.object({
          task: taskListItemSchema,
          period: periodSchema,
          report: z
            .object({ id: z.number(), status: z.string(), submittedAt: z.string() })
            .nullable(),
          late: z.boolean(),
          returned: z
            .object({
              id: z.number(),
              period: z.string(),
              submittedAt: z.string(),
              comment: z.string().nullable(),
            })
            .nullable(),
          toReport: z.boolean(),
        }),
      ),
    }),
    handler: async ({ query, actor }) => inboxFor(ctx, actor, query),
  });
}
