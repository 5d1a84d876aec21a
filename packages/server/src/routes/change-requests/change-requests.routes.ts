import { z } from "zod";
import { id, idParams, limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import { changeRequestInput, decisionInput } from "../../services/change-request.schemas.js";
import {
  decideChange,
  listChangeRequestsFor,
  proposeChange,
} from "../../services/change-request.service.js";
import type { Ctx } from "../../services/context.js";
import { pageOf } from "../../http/responses.js";
import { CHANGE_STATUSES, changeRequestSchema } from "../../services/change-request.view.js";

export function changeRequestRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "POST",
    url: "/api/tasks/:id/change-requests",
    tag: "change-requests",
    summary:
      "Đơn vị đề xuất điều chỉnh: gia hạn, giao lại, đổi sản phẩm, huỷ (kèm lý do); của cán bộ đơn vị bật ký duyệt: chờ lãnh đạo đơn vị ký duyệt trước",
    access: "user",
    params: idParams,
    body: changeRequestInput,
    response: changeRequestSchema,
    status: 201,
    handler: async ({ params, body, actor }) => proposeChange(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/change-requests/:id/decision",
    tag: "change-requests",
    summary: "Lãnh đạo chấp thuận (áp dụng, lưu phiên bản nhiệm vụ) hoặc không chấp thuận đề xuất",
    access: "user",
    params: idParams,
    body: decisionInput,
    response: changeRequestSchema,
    handler: async ({ params, body, actor }) => decideChange(ctx, actor, params.id, body),
  });

  t.add({
    method: "GET",
    url: "/api/change-requests",
    tag: "change-requests",
    summary:
      "Đề xuất điều chỉnh (theo trạng thái, theo nhiệm vụ), cũ nhất trước, theo trang (limit, offset) kèm tổng số; awaiting_signoff: với đơn vị, chỉ các đề xuất của đơn vị mình",
    access: "user",
    query: z.object({
      status: z.enum(CHANGE_STATUSES).optional(),
      task: id.optional(),
      limit: limitParam(500, 100),
      offset: offsetParam,
    }),
    response: pageOf(changeRequestSchema),
    handler: async ({ query, actor }) => listChangeRequestsFor(ctx, actor, query),
  });
}
