import { latestAuditId } from "@giamsat/db";
import { z } from "zod";
import { readyBody, sendReady } from "../http/ready-body.js";
import { fileResponse } from "../http/responses.js";
import type { RouteTable } from "../http/route.js";
import { idParams } from "../http/query.js";
import { todayOf, type Ctx } from "../services/context.js";
import {
  planPublishedInput,
  publicPlanDetailSchema,
  publicPlanSchema,
} from "./public-plans.schemas.js";
import { DataVersion } from "./data-version.js";
import { PublicCache } from "./public-cache.js";
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
/**
 * A write on another server (or by the CLI, or a job) shows on this server's public pages at most
 * this much later: the data version is read again at most once a second. A write through this
 * server shows at once.
 */
export const PUBLIC_RECHECK_MS = 1000;

const JSON_TYPE = "application/json; charset=utf-8";
const CSV_TYPE = "text/csv; charset=utf-8";

/** Public transparency: published plans without login, and the flag. */
export function publicPlansRoutes(t: RouteTable, ctx: Ctx): void {
  const clock = () => ctx.now?.().getTime() ?? Date.now();
  const version = new DataVersion(() => latestAuditId(ctx.db), PUBLIC_RECHECK_MS, clock);
  t.afterWrite(() => version.changed());
  const cache = new PublicCache(MAX_AGE_SECONDS * 1000, 1000, clock);
  const cached = async <T>(key: string, compute: () => Promise<T>): Promise<T> =>
    cache.get(key, await version.current(), compute);
  const detail = (id: number, asOf: string) =>
    cached(`plan:${id}:${asOf}`, async () => {
      const value = await publicPlanDetail(ctx, id, asOf);
      return { value, json: await readyBody(JSON.stringify(value), JSON_TYPE) };
    });
  const csv = (id: number, asOf: string) =>
    cached(`csv:${id}:${asOf}`, async () =>
      readyBody(openDataCsv((await detail(id, asOf)).value), CSV_TYPE),
    );

  t.add({
    method: "GET",
    url: "/api/public/plans",
    tag: "public",
    summary: "Các kế hoạch được công khai (không cần đăng nhập)",
    access: "public",
    response: z.array(publicPlanSchema),
    handler: async ({ request, reply }) => {
      const body = await cached("plans", async () =>
        readyBody(JSON.stringify(await publicPlans(ctx)), JSON_TYPE),
      );
      return sendReady(request, reply, body, CACHE_CONTROL);
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
      const { json } = await detail(params.id, todayOf(ctx));
      return sendReady(request, reply, json, CACHE_CONTROL);
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
      const asOf = openDataAsOf(month, todayOf(ctx));
      const body =
        format === "json" ? (await detail(params.id, asOf)).json : await csv(params.id, asOf);
      reply.header(
        "content-disposition",
        `attachment; filename="ke-hoach-${params.id}-${params.file}"`,
      );
      return sendReady(request, reply, body, CACHE_CONTROL);
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
