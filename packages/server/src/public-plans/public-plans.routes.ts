import { latestAuditId } from "@giamsat/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { fileResponse } from "../http/responses.js";
import type { RouteTable } from "../http/route.js";
import { idParams } from "../http/query.js";
import { todayOf, type Ctx } from "../services/context.js";
import {
  planPublishedInput,
  publicPlanDetailSchema,
  publicPlanSchema,
} from "./public-plans.schemas.js";
import { notModified, PublicCache, type CachedResponse } from "./public-cache.js";
import {
  openDataAsOf,
  openDataCsv,
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

/** Browsers and proxies may reuse a public response this long, then revalidate by ETag. */
const MAX_AGE_SECONDS = 60;
const CACHE_CONTROL = `public, max-age=${MAX_AGE_SECONDS}`;

/** Sends a cached response with its ETag, or 304 when the visitor already has it. */
function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  type: string,
  body: () => string,
) {
  reply.header("etag", etag).header("cache-control", CACHE_CONTROL);
  if (notModified(request.headers["if-none-match"], etag)) return reply.status(304).send();
  return reply.header("content-type", type).send(body());
}

const JSON_TYPE = "application/json; charset=utf-8";

/** Public transparency: published plans without login, and the flag. */
export function publicPlansRoutes(t: RouteTable, ctx: Ctx): void {
  const cache = new PublicCache(MAX_AGE_SECONDS * 1000, 1000);
  const cached = async <T>(key: string, compute: () => Promise<T>): Promise<CachedResponse<T>> =>
    cache.get(key, await latestAuditId(ctx.db), compute);
  const detail = (id: number, asOf: string) =>
    cached(`plan:${id}:${asOf}`, () => publicPlanDetail(ctx, id, asOf));

  t.add({
    method: "GET",
    url: "/api/public/plans",
    tag: "public",
    summary: "Các kế hoạch được công khai (không cần đăng nhập)",
    access: "public",
    response: z.array(publicPlanSchema),
    handler: async ({ request, reply }) => {
      const r = await cached("plans", () => publicPlans(ctx));
      return sendCached(request, reply, r.etag, JSON_TYPE, () => r.body);
    },
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
    handler: async ({ params, request, reply }) => {
      const r = await detail(params.id, todayOf(ctx));
      return sendCached(request, reply, r.etag, JSON_TYPE, () => r.body);
    },
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
    handler: async ({ params, request, reply }) => {
      const [month, format] = params.file.split(".") as [string, "csv" | "json"];
      const r = await detail(params.id, openDataAsOf(month, todayOf(ctx)));
      reply.header(
        "content-disposition",
        `attachment; filename="ke-hoach-${params.id}-${params.file}"`,
      );
      return format === "json"
        ? sendCached(request, reply, r.etag, JSON_TYPE, () => r.body)
        : sendCached(request, reply, r.etag.replace(/"$/, '-csv"'), "text/csv; charset=utf-8", () =>
            openDataCsv(r.value),
          );
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
