import type { RouteTable } from "../../http/route.js";
import { requireRole } from "../../services/actor.js";
import type { Ctx } from "../../services/context.js";
import { listPlansView } from "../../services/plan.service.js";
import { calendarListSchema } from "../plans/plans.schemas.js";

export function calendarRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/calendars",
    tag: "admin",
    summary: "Lịch báo cáo của từng kế hoạch (explicit=false: mặc định hàng tháng trước ngày 20)",
    access: "user",
    response: calendarListSchema,
    handler: async ({ actor }) => {
      requireRole(actor, "admin", "monitor");
      const plans = await listPlansView(ctx, actor);
      return {
        items: plans.map((p) => ({ ...p.calendar, planNumber: p.number, planTitle: p.title })),
      };
    },
  });
}
