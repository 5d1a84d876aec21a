import { z } from "zod";
import { idParams } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import { setCalendar } from "../../services/calendar.service.js";
import type { Ctx } from "../../services/context.js";
import { listPlansView, planDetail, setTrackedFrom } from "../../services/plan.service.js";
import {
  calendarBody,
  calendarSchema,
  planDetailSchema,
  planSchema,
  trackedFromBody,
} from "./plans.schemas.js";

export function planRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/plans",
    tag: "plans",
    summary: "Danh sách kế hoạch (mới nhất trước) với số nhiệm vụ và lịch báo cáo",
    access: "user",
    response: z.object({ items: z.array(planSchema) }),
    handler: async ({ actor }) => ({ items: await listPlansView(ctx, actor) }),
  });

  t.add({
    method: "GET",
    url: "/api/plans/:id",
    tag: "plans",
    summary: "Một kế hoạch: phụ lục, nhóm nhiệm vụ, cảnh báo khi nhập",
    access: "user",
    params: idParams,
    response: planDetailSchema,
    handler: async ({ params, actor }) => planDetail(ctx, actor, params.id),
  });

  t.add({
    method: "PUT",
    url: "/api/plans/:id/calendar",
    tag: "admin",
    summary: "Đặt lịch báo cáo của kế hoạch (quản trị, cơ quan theo dõi)",
    access: "user",
    params: idParams,
    body: calendarBody,
    response: calendarSchema,
    handler: async ({ params, body, actor }) => setCalendar(ctx, actor, params.id, body),
  });

  t.add({
    method: "PATCH",
    url: "/api/plans/:id",
    tag: "plans",
    summary:
      "Cơ quan đầu mối đặt ngày bắt đầu theo dõi kế hoạch (null: ngày nhập); báo cáo đúng hạn được tính từ ngày này",
    access: "user",
    params: idParams,
    body: trackedFromBody,
    response: planSchema,
    handler: async ({ params, body, actor }) => setTrackedFrom(ctx, actor, params.id, body),
  });
}
