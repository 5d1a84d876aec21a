import { z } from "zod";
import { idParams } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import {
  discardReportDraft,
  getReportDraft,
  putReportDraft,
} from "../../services/report-draft.service.js";
import { reportDraftInput } from "../../services/report.schemas.js";

const draftResponse = z.object({
  draft: z.object({ data: reportDraftInput, updatedAt: z.string() }).nullable(),
});

export function reportDraftRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/tasks/:id/report-draft",
    tag: "reports",
    summary: "Bản nháp báo cáo của người dùng cho nhiệm vụ (null nếu chưa có)",
    access: "user",
    params: idParams,
    response: draftResponse,
    handler: async ({ params, actor }) => getReportDraft(ctx, actor, params.id),
  });

  t.add({
    method: "PUT",
    url: "/api/tasks/:id/report-draft",
    tag: "reports",
    summary:
      "Lưu bản nháp báo cáo khi người dùng đang gõ (một bản cho mỗi người và nhiệm vụ; xoá khi báo cáo được gửi)",
    access: "user",
    params: idParams,
    body: reportDraftInput,
    response: draftResponse,
    handler: async ({ params, body, actor }) => putReportDraft(ctx, actor, params.id, body),
  });

  t.add({
    method: "DELETE",
    url: "/api/tasks/:id/report-draft",
    tag: "reports",
    summary: "Bỏ bản nháp báo cáo",
    access: "user",
    params: idParams,
    response: z.object({ draft: z.null() }),
    handler: async ({ params, actor }) => discardReportDraft(ctx, actor, params.id),
  });
}
