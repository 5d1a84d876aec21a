import { STATUS_CODES } from "@giamsat/core";
import { z } from "zod";
import { limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { overdueFor, scorecardsFor, statsFor, trendFor } from "../../services/stats.service.js";
import { taskListResponse, taskScopeQuery } from "../tasks/tasks.schemas.js";

const statsQuery = taskScopeQuery;
const leadsParam = limitParam(500, 12);
const counts = z.object(
  Object.fromEntries(STATUS_CODES.map((c) => [c, z.number()])) as Record<
    (typeof STATUS_CODES)[number],
    z.ZodNumber
  >,
);

const statsResponse = z.object({
  asOf: z.string(),
  total: z.number(),
  counts,
  labels: z.record(z.string(), z.string()),
  byLead: z.array(z.object({ orgId: z.number(), name: z.string(), total: z.number(), counts })),
  leadUnits: z.number(),
});

const trendResponse = z.object({
  asOf: z.string(),
  months: z.array(z.object({ month: z.string(), asOf: z.string(), counts })),
});

const scorecard = z.object({
  unitId: z.number(),
  name: z.string(),
  group: z.boolean().describe("nhóm chung như “Các bộ, ngành”, không phải một đơn vị cụ thể"),
  led: z.number(),
  doneOnTime: z.number(),
  doneLate: z.number(),
  overdue: z.number(),
  inTime: z.number(),
  dueSoon: z.number(),
  noDeadline: z.number(),
  recurring: z.number(),
  reportsDue: z.number(),
  reportsOnTime: z.number(),
  timeliness: z.number().nullable(),
  reminderMedianDays: z
    .number()
    .nullable()
    .describe(
      "trung vị số ngày từ thư nhắc hạn báo cáo đầu tiên của kỳ đến mỗi báo cáo gửi sau đó",
    ),
  remindedReports: z.number().describe("số báo cáo gửi sau thư nhắc (cơ sở của trung vị)"),
});

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
    response: z.object({ asOf: z.string(), items: z.array(scorecard) }),
    handler: async ({ query, actor }) => scorecardsFor(ctx, actor, query),
  });
}
