import { z } from "zod";
import type { RouteTable } from "../http/route.js";
import { idParams } from "../http/query.js";
import type { Ctx } from "../services/context.js";
import { changeRequestSchema } from "../services/change-request.view.js";
import { reportSchema } from "../services/report.view.js";
import { signoffChange } from "./change-signoff.service.js";
import { signoffReport } from "./report-signoff.service.js";
import { approveTogether } from "./signoff-bulk.service.js";
import {
  signoffBulkInput,
  signoffInput,
  signoffSettingInput,
  signoffSettingSchema,
} from "./signoff.schemas.js";
import { setUnitSignoff } from "./signoff.service.js";

/** Unit-head sign-off: the head's decisions and the administrator's setting. */
export function signoffRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "POST",
    url: "/api/reports/:id/signoff",
    tag: "reports",
    summary:
      "Lãnh đạo đơn vị ký duyệt báo cáo của cán bộ (approve: chuyển cơ quan theo dõi thẩm định, giữ thời điểm gửi; return: trả lại cán bộ, phải có lý do); 403 với đơn vị khác",
    access: "user",
    params: idParams,
    body: signoffInput,
    response: reportSchema,
    handler: async ({ params, body, actor }) => signoffReport(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/change-requests/:id/signoff",
    tag: "change-requests",
    summary:
      "Lãnh đạo đơn vị ký duyệt đề xuất điều chỉnh của cán bộ (approve: chuyển lãnh đạo quyết định; return: trả lại cán bộ, phải có lý do); 403 với đơn vị khác",
    access: "user",
    params: idParams,
    body: signoffInput,
    response: changeRequestSchema,
    handler: async ({ params, body, actor }) => signoffChange(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/signoff/approve",
    tag: "reports",
    summary:
      "Lãnh đạo đơn vị ký duyệt cùng lúc nhiều báo cáo và đề xuất điều chỉnh chờ ký duyệt: mỗi mục một quyết định, ghi nhật ký riêng; một mục không ký duyệt được thì không mục nào được ký duyệt, thông báo lỗi nêu mục đó",
    access: "user",
    body: signoffBulkInput,
    response: z.object({
      reports: z.array(reportSchema),
      changeRequests: z.array(changeRequestSchema),
    }),
    handler: async ({ body, actor }) => approveTogether(ctx, actor, body),
  });

  t.add({
    method: "PUT",
    url: "/api/organisations/:id/signoff",
    tag: "admin",
    summary:
      "Bật/tắt ký duyệt của lãnh đạo đơn vị: báo cáo và đề xuất điều chỉnh của cán bộ chờ lãnh đạo đơn vị ký duyệt trước khi tới cơ quan theo dõi, lãnh đạo (quản trị; mặc định tắt)",
    access: "user",
    params: idParams,
    body: signoffSettingInput,
    response: signoffSettingSchema,
    handler: async ({ params, body, actor }) =>
      setUnitSignoff(ctx, actor, params.id, body.signoffRequired),
  });
}
