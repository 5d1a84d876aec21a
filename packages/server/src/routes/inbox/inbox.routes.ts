import { z } from "zod";
import { asOfParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { inboxFor } from "../../services/inbox.service.js";

export function inboxRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/inbox",
    tag: "reports",
    summary:
      "Việc của đơn vị: nhiệm vụ chưa xong theo hạn, báo cáo phải gửi kỳ này (hạn gửi), báo cáo bị trả lại kèm ý kiến",
    access: "user",
    query: z.object({ asOf: asOfParam }),
    handler: async ({ query, actor }) => inboxFor(ctx, actor, query.asOf),
  });
}
