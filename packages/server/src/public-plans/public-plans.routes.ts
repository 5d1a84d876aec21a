import { z } from "zod";
import { fileResponse } from "../http/responses.js";
import type { RouteTable } from "../http/route.js";
import { idParams } from "../http/query.js";
import type { Ctx } from "../services/context.js";
import {
  planPublishedInput,
  publicPlanDetailSchema,
  publicPlanSchema,
} from "./public-plans.schemas.js";
import {
  publicPlanData,
  publicPlanDetail,
  publicPlans,
  setPublished,
} from "./public-plans.service.js";

const dataParams = idParams.extend({
  file: z
    .string()
    .regex(
      /^\d{4}-(0[1-9]|1[0-2])\.(csv|json)$/,
      "Tên tệp phải có dạng YYYY-MM.csv hoặc YYYY-MM.json.",
    ),
});

/** Public transparency (issue 16, point 4): published plans without login, and the flag. */
export function publicPlansRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/public/plans",
    tag: "public",
    summary: "Các kế hoạch được công khai (không cần đăng nhập)",
    access: "public",
    response: z.array(publicPlanSchema),
    handler: async () => publicPlans(ctx),
  });

  t.add({
    method: "GET",
    url: "/api/public/plans/:id",
    tag: "public",
    summary:
      "Tiến độ một kế hoạch công khai tính đến hôm nay: số nhiệm vụ theo trạng thái, nhiệm vụ quá hạn và đơn vị chủ trì (không có nhiệm vụ mật, không tên người); 404 khi kế hoạch không công khai",
    access: "public",
    params: idParams,
    response: publicPlanDetailSchema,
    handler: async ({ params }) => publicPlanDetail(ctx, params.id),
  });

  t.add({
    method: "GET",
    url: "/api/public/plans/:id/data/:file",
    tag: "public",
    summary:
      "Dữ liệu mở của kế hoạch công khai theo tháng (YYYY-MM.csv hoặc YYYY-MM.json): cùng số liệu như trang công khai, tính đến cuối tháng (hôm nay với tháng chưa hết)",
    access: "public",
    params: dataParams,
    response: fileResponse,
    produces: "text/csv",
    handler: async ({ params, reply }) => {
      const [month, format] = params.file.split(".") as [string, "csv" | "json"];
      const body = await publicPlanData(ctx, params.id, month, format);
      return reply
        .header(
          "content-type",
          format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        )
        .header(
          "content-disposition",
          `attachment; filename="ke-hoach-${params.id}-${params.file}"`,
        )
        .send(body);
    },
  });

  t.add({
    method: "PUT",
    url: "/api/plans/:id/published",
    tag: "plans",
    summary: "Công khai hoặc thôi công khai một kế hoạch, có lý do (cơ quan theo dõi; ghi nhật ký)",
    access: "user",
    params: idParams,
    body: planPublishedInput,
    response: z.object({ id: z.number(), publishedAt: z.string().nullable() }),
    handler: async ({ params, body, actor }) => setPublished(ctx, actor, params.id, body),
  });
}
