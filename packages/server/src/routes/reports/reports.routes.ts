import { periodKeyInput } from "@giamsat/core";
import { REPORT_COUNT_CAP } from "@giamsat/db";
import { z } from "zod";
import { jsonField, withUpload } from "../../http/multipart.js";
import { id, idParams, limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { checkEvidenceStart, EVIDENCE_EXTENSIONS } from "../../services/evidence.store.js";
import { submitReportsTogether } from "../../services/report-bulk.service.js";
import {
  bulkAcceptInput,
  bulkReportInput,
  reportInput,
  reviewInput,
} from "../../services/report.schemas.js";
import {
  getReportFor,
  listReportsFor,
  reviewReport,
  reportableTask,
  submitReport,
} from "../../services/report.service.js";
import { acceptReportsTogether } from "../../services/review-bulk.service.js";
import { UNDO_MINUTES, undoReview } from "../../services/review-undo.service.js";
import { itemsOf, pageOf } from "../../http/responses.js";
import { queueItemSchema, REPORT_STATUSES, reportSchema } from "../../services/report.view.js";

const multipartReport = z.object({
  data: z.string().describe("Báo cáo dạng JSON, cùng cấu trúc với thân JSON"),
  files: z.array(z.string()).describe(`Tệp minh chứng (${EVIDENCE_EXTENSIONS.join(", ")})`),
});

export function reportRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "POST",
    url: "/api/tasks/:id/reports",
    tag: "reports",
    summary:
      "Đơn vị gửi báo cáo tiến độ (JSON, hoặc multipart: trường data = JSON và các tệp minh chứng); 403 nếu nhiệm vụ không thuộc đơn vị",
    access: "user",
    params: idParams,
    body: reportInput,
    multipart: multipartReport,
    response: reportSchema,
    status: 201,
    handler: async ({ params, body, actor, request }) => {
      if (!request.isMultipart()) return submitReport(ctx, actor, params.id, body);
      // Role and scope first, then the parts, streamed to temporary files and checked as they come.
      await reportableTask(ctx, actor, params.id);
      const limits = {
        dataDir: ctx.config.dataDir,
        maxFileBytes: ctx.config.uploadMaxBytes,
        maxTotalBytes: 3 * ctx.config.uploadMaxBytes + 64 * 1024,
        checkStart: checkEvidenceStart,
      };
      return withUpload(request, limits, async ({ fields, files }) =>
        submitReport(ctx, actor, params.id, reportInput.parse(jsonField(fields)), files),
      );
    },
  });

  t.add({
    method: "POST",
    url: "/api/reports/bulk",
    tag: "reports",
    summary:
      "Đơn vị gửi cùng một báo cáo ngắn (Không phát sinh, hoặc đang thực hiện với một nội dung) cho nhiều nhiệm vụ: mỗi nhiệm vụ một báo cáo theo đúng quy tắc gửi từng báo cáo, trong một giao dịch (một nhiệm vụ bị từ chối thì không báo cáo nào được ghi)",
    access: "user",
    body: bulkReportInput,
    response: itemsOf(reportSchema),
    status: 201,
    handler: async ({ body, actor }) => submitReportsTogether(ctx, actor, body),
  });

  t.add({
    method: "POST",
    url: "/api/reports/:id/review",
    tag: "reports",
    summary: "Cơ quan theo dõi chấp nhận hoặc trả lại báo cáo (trả lại phải có ý kiến)",
    access: "user",
    params: idParams,
    body: reviewInput,
    response: reportSchema,
    handler: async ({ params, body, actor }) => reviewReport(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/reports/accept",
    tag: "reports",
    summary:
      "Cơ quan theo dõi chấp nhận cùng lúc nhiều báo cáo chờ duyệt (tối đa 100): mỗi báo cáo theo đúng quy tắc duyệt từng báo cáo và được ghi nhật ký riêng, trong một giao dịch (một báo cáo bị từ chối thì không báo cáo nào được chấp nhận); trả lại vẫn từng báo cáo một, kèm lý do",
    access: "user",
    body: bulkAcceptInput,
    response: itemsOf(reportSchema),
    handler: async ({ body, actor }) => acceptReportsTogether(ctx, actor, body),
  });

  t.add({
    method: "POST",
    url: "/api/reports/:id/review/undo",
    tag: "reports",
    summary: `Người thẩm định hoàn tác quyết định của mình trong vòng ${UNDO_MINUTES} phút (báo cáo trở lại chờ duyệt; ghi nhật ký)`,
    access: "user",
    params: idParams,
    response: reportSchema,
    handler: async ({ params, actor }) => {
      await undoReview(ctx, actor, params.id);
      return getReportFor(ctx, actor, params.id);
    },
  });

  t.add({
    method: "GET",
    url: "/api/reports",
    tag: "reports",
    summary:
      "Báo cáo theo trạng thái, cũ nhất trước (status=submitted: hàng chờ thẩm định; status=awaiting_signoff: chờ lãnh đạo đơn vị ký duyệt), lọc theo kế hoạch, loại nhiệm vụ, đơn vị gửi, kỳ",
    access: "user",
    query: z.object({
      status: z.enum(REPORT_STATUSES).optional(),
      task: id.optional(),
      plan: id.optional().describe("Kế hoạch của nhiệm vụ"),
      kind: z.enum(["time-bound", "recurring"]).optional().describe("Loại nhiệm vụ"),
      org: id.optional().describe("Đơn vị gửi báo cáo"),
      period: periodKeyInput.optional(),
      limit: limitParam(200, 50),
      offset: offsetParam,
    }),
    response: pageOf(queueItemSchema).extend({
      totalCapped: z
        .boolean()
        .describe(`true: hơn \`total\` báo cáo khớp — đếm đến ${REPORT_COUNT_CAP} thì dừng`),
    }),
    handler: async ({ query, actor }) => listReportsFor(ctx, actor, query),
  });

  t.add({
    method: "GET",
    url: "/api/reports/:id",
    tag: "reports",
    summary: "Một báo cáo với minh chứng và ý kiến thẩm định",
    access: "user",
    params: idParams,
    response: reportSchema,
    handler: async ({ params, actor }) => getReportFor(ctx, actor, params.id),
  });
}
