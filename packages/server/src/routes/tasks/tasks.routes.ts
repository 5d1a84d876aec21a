import { z } from "zod";
import { SEARCH_COUNT_CAP } from "@giamsat/db";
import { asOfParam, id, idParams, limitParam, offsetParam } from "../../http/query.js";
import { pageOf } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { auditSchema, taskDetailSchema } from "../../services/task-detail.view.js";
import { reportSchema } from "../../services/report.view.js";
import type { Ctx } from "../../services/context.js";
import {
  leadersFor,
  listTasksFor,
  taskAuditPageFor,
  taskDetailFor,
  taskReportsPageFor,
} from "../../services/task.service.js";
import { correctTaskFor } from "../../services/task-correction.service.js";
import {
  taskCorrectionInput,
  taskCorrectionResponse,
} from "../../services/task-correction.schemas.js";
import { taskListQuery, taskListResponse } from "./tasks.schemas.js";

export function taskRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/tasks",
    tag: "tasks",
    summary:
      "Nhiệm vụ theo bộ lọc (kế hoạch, phụ lục, trạng thái tại ngày asOf, đơn vị chủ trì, lãnh đạo chỉ đạo, tìm kiếm không dấu), sắp xếp theo orderBy/dir",
    access: "user",
    query: taskListQuery,
    response: taskListResponse,
    handler: async ({ query, actor }) => listTasksFor(ctx, actor, query, SEARCH_COUNT_CAP),
  });

  t.add({
    method: "GET",
    url: "/api/tasks/:id",
    tag: "tasks",
    summary:
      "Một nhiệm vụ: trạng thái tại ngày asOf, đầu mối, mốc, liên kết, báo cáo (minh chứng, ý kiến), phiên bản, đề xuất điều chỉnh, nhật ký",
    access: "user",
    params: idParams,
    query: z.object({ asOf: asOfParam }),
    response: taskDetailSchema,
    handler: async ({ params, query, actor }) => taskDetailFor(ctx, actor, params.id, query.asOf),
  });

  t.add({
    method: "GET",
    url: "/api/tasks/:id/reports",
    tag: "tasks",
    summary:
      "Các báo cáo của một nhiệm vụ, mới nhất trước, theo trang (trang nhiệm vụ: «Xem thêm»)",
    access: "user",
    params: idParams,
    query: z.object({ limit: limitParam(500, 100), offset: offsetParam }),
    response: pageOf(reportSchema),
    handler: async ({ params, query, actor }) => taskReportsPageFor(ctx, actor, params.id, query),
  });

  t.add({
    method: "GET",
    url: "/api/tasks/:id/audit",
    tag: "tasks",
    summary:
      "Nhật ký thao tác của một nhiệm vụ (nhiệm vụ, các báo cáo, đề xuất điều chỉnh), mới nhất trước, theo trang",
    access: "user",
    params: idParams,
    query: z.object({ limit: limitParam(500, 100), offset: offsetParam }),
    response: pageOf(auditSchema),
    handler: async ({ params, query, actor }) => taskAuditPageFor(ctx, actor, params.id, query),
  });

  t.add({
    method: "GET",
    url: "/api/leaders",
    tag: "tasks",
    summary: "Lãnh đạo chỉ đạo của các nhiệm vụ (giá trị của bộ lọc leader), kèm số nhiệm vụ",
    access: "user",
    query: z.object({ plan: id.optional() }),
    response: z.object({
      items: z.array(z.object({ leader: z.string(), tasks: z.number() })),
    }),
    handler: async ({ query, actor }) => leadersFor(ctx, actor, query),
  });

  t.add({
    method: "POST",
    url: "/api/tasks/:id/corrections",
    tag: "tasks",
    summary:
      "Cơ quan đầu mối hiệu chỉnh nhiệm vụ sau khi nhập (tên, chủ trì, phối hợp, thời hạn, sản phẩm, mật) kèm lý do; lưu thành phiên bản",
    access: "user",
    params: idParams,
    body: taskCorrectionInput,
    response: taskCorrectionResponse,
    handler: async ({ params, body, actor }) => correctTaskFor(ctx, actor, params.id, body),
  });
}
