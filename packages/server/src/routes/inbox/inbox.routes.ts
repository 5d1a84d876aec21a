import { z } from "zod";
import { asOfParam, id, limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { INBOX_SHOWS, inboxFor } from "../../services/inbox.service.js";
import { inboxResponse } from "./inbox.schemas.js";

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
    response: inboxResponse,
    handler: async ({ query, actor }) => inboxFor(ctx, actor, query),
  });
}
