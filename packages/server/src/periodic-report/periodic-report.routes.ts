import { contentDisposition } from "../http/content-disposition.js";
import type { RouteTable } from "../http/route.js";
import type { Ctx } from "../services/context.js";
import { periodicReportFile } from "./periodic-report.service.js";
import { periodicReportQuery } from "./periodic-report.schemas.js";

export function periodicReportRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/reports/periodic",
    tag: "reports",
    summary:
      "Báo cáo định kỳ (tình hình thực hiện kế hoạch) tại ngày asOf, kèm các phụ lục; lãnh đạo và cơ quan theo dõi",
    access: "user",
    query: periodicReportQuery,
    handler: async ({ query, actor, reply }) => {
      const file = await periodicReportFile(ctx, actor, query);
      return reply
        .header("Content-Type", file.mime)
        .header("Content-Disposition", contentDisposition(file.fileName, "bao-cao"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .send(file.bytes);
    },
  });
}
