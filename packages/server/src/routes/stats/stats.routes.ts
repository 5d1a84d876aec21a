import { limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { overdueFor, scorecardsFor, statsFor, trendFor } from "../../services/stats.service.js";
import { taskListResponse, taskScopeQuery } from "../tasks/tasks.schemas.js";
import { scorecardsResponse, statsResponse, trendResponse } from "./stats.schemas.js";

const statsQuery = taskScopeQuery;
const leadsParam = limitParam(500, 12);
export function statsRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/stats",
    tag: "dashboard",
    summary:
      "Số nhiệm vụ theo trạng thái tại ngày asOf; `leads` đơn vị chủ trì (mặc định 12) nhiều nhiệm vụ quá hạn nhất, rồi nhiều nhiệm vụ nhất",
    access: "user",
    query: statsQuery.extend({ leads: leadsParam }),
    response: statsResponse,
    handler: async ({ query, actor }) => statsFor(ctx, actor, query),
  });

  t.add({
    method: "GET",
    url: "/api/stats/trend",
    tag: "dashboard",
    summary:
      "Số nhiệm vụ theo trạng thái cuối mỗi tháng trong 6 tháng, tháng cuối tính đến ngày asOf",
    access: "user",
    query: statsQuery,
    response: trendResponse,
    handler: async ({ query, actor }) => trendFor(ctx, actor, query),
  });

  t.add({
    method: "GET",
    url: "/api/overdue",
    tag: "dashboard",
    summary:
      "Nhiệm vụ quá hạn tại ngày asOf, quá hạn lâu nhất trước (rồi theo thứ tự trong kế hoạch)",
    access: "user",
    query: statsQuery.extend({ limit: limitParam(500, 100), offset: offsetParam }),
    response: taskListResponse,
    handler: async ({ query, actor }) => overdueFor(ctx, actor, query),
  });

  t.add({
    method: "GET",
    url: "/api/scorecards",
    tag: "dashboard",
    summary: "Bảng điểm đơn vị: nhiệm vụ chủ trì theo trạng thái, tỷ lệ báo cáo đúng hạn",
    access: "user",
    query: statsQuery,
    response: scorecardsResponse,
    handler: async ({ query, actor }) => scorecardsFor(ctx, actor, query),
  });
}
