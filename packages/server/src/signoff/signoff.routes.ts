import type { RouteTable } from "../http/route.js";
import { idParams } from "../http/query.js";
import type { Ctx } from "../services/context.js";
import { reportSchema } from "../services/report.view.js";
import { signoffInput, signoffSettingInput, signoffSettingSchema } from "./signoff.schemas.js";
import { setUnitSignoff, signoffReport } from "./signoff.service.js";

/** Unit-head sign-off (issue 9, point 6): the head's decision and the administrator's setting. */
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
    method: "PUT",
    url: "/api/organisations/:id/signoff",
    tag: "admin",
    summary:
      "Bật/tắt ký duyệt của lãnh đạo đơn vị: báo cáo của cán bộ chờ lãnh đạo đơn vị ký duyệt trước khi tới cơ quan theo dõi (quản trị; mặc định tắt)",
    access: "user",
    params: idParams,
    body: signoffSettingInput,
    response: signoffSettingSchema,
    handler: async ({ params, body, actor }) =>
      setUnitSignoff(ctx, actor, params.id, body.signoffRequired),
  });
}
