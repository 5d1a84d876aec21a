import { z } from "zod";
import { id, idParams, limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { decideLinkFor, listLinksFor } from "../../services/link.service.js";
import { linkListResponse } from "./links.schemas.js";

export function linkRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/links",
    tag: "links",
    summary: "Liên kết nhiệm vụ giữa các kế hoạch (đề xuất / đã xác nhận / đã bác), điểm cao trước",
    access: "user",
    query: z.object({
      plan: id.optional(),
      state: z.enum(["proposed", "confirmed", "rejected"]).optional(),
      limit: limitParam(500, 50),
      offset: offsetParam,
    }),
    response: linkListResponse,
    handler: async ({ query, actor }) => listLinksFor(ctx, actor, query),
  });

  t.add({
    method: "POST",
    url: "/api/links/:id/decision",
    tag: "links",
    summary: "Xác nhận hoặc bác một liên kết đề xuất (cơ quan theo dõi)",
    access: "user",
    params: idParams,
    body: z.object({ decision: z.enum(["confirm", "reject"]) }),
    response: z.object({ id: z.number(), state: z.enum(["proposed", "confirmed", "rejected"]) }),
    handler: async ({ params, body, actor }) => decideLinkFor(ctx, actor, params.id, body.decision),
  });
}
