import type { FastifyReply } from "fastify";
import { contentDisposition } from "../http/content-disposition.js";
import { idParams } from "../http/query.js";
import { fileResponse } from "../http/responses.js";
import type { RouteTable } from "../http/route.js";
import type { Ctx } from "../services/context.js";
import { keptFileStream } from "./kept-file.writer.js";
import { getPeriodicDraft, putPeriodicDraft } from "./periodic-report-draft.service.js";
import {
  keptReportFile,
  listKeptReportsFor,
  periodicReportFile,
  periodicReportFor,
  REPORT_MIME,
  type ReportFile,
} from "./periodic-report.service.js";
import {
  keptListQuery,
  keptReportSchema,
  periodicDraftInput,
  periodicDraftResponse,
  periodicPreviewResponse,
  periodicReportQuery,
  periodicScopeQuery,
} from "./periodic-report.schemas.js";
import { z } from "zod";

/** Sends a kept report's file as it is read back, piece by piece. */
function sendFile(ctx: Ctx, reply: FastifyReply, file: ReportFile) {
  return reply
    .header("Content-Type", file.mime)
    .header("Content-Length", String(file.size))
    .header("Content-Disposition", contentDisposition(file.fileName, "bao-cao"))
    .header("X-Content-Type-Options", "nosniff")
    .header("Cache-Control", "private, no-store")
    .header("X-Report-Id", String(file.id))
    .send(keptFileStream(ctx.db, file.id));
}

export function periodicReportRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/reports/periodic",
    tag: "reports",
    summary:
      "Báo cáo định kỳ (tình hình thực hiện kế hoạch) tại ngày asOf, kèm các phụ lục; lãnh đạo và cơ quan theo dõi; mỗi tệp tạo ra được lưu lại",
    access: "user",
    query: periodicReportQuery,
    response: fileResponse,
    produces: Object.values(REPORT_MIME),
    handler: async ({ query, actor, reply }) =>
      sendFile(ctx, reply, await periodicReportFile(ctx, actor, query)),
  });

  t.add({
    method: "GET",
    url: "/api/reports/periodic/preview",
    tag: "reports",
    summary: "Nội dung báo cáo định kỳ để xem trước (các phụ lục chỉ kèm số dòng); không lưu",
    access: "user",
    query: periodicScopeQuery,
    response: periodicPreviewResponse,
    handler: async ({ query, actor }) => {
      const doc = await periodicReportFor(ctx, actor, query);
      return {
        title: doc.title,
        subtitle: doc.subtitle,
        header: {
          agency: doc.header.agency,
          department: doc.header.department,
          placeDate: doc.header.placeDate,
        },
        sections: doc.sections,
        annexes: doc.annexes.map((a) => ({ label: a.label, title: a.title, rows: a.rows.length })),
      };
    },
  });

  t.add({
    method: "GET",
    url: "/api/reports/periodic/kept",
    tag: "reports",
    summary: "Các báo cáo định kỳ đã tạo (ai, khi nào, tham số, tệp), mới nhất trước",
    access: "user",
    query: keptListQuery,
    response: z.object({ items: z.array(keptReportSchema), total: z.number() }),
    handler: async ({ query, actor }) => listKeptReportsFor(ctx, actor, query),
  });

  t.add({
    method: "GET",
    url: "/api/reports/periodic/kept/:id",
    tag: "reports",
    summary: "Tải lại một báo cáo định kỳ đã tạo",
    access: "user",
    params: idParams,
    response: fileResponse,
    produces: Object.values(REPORT_MIME),
    handler: async ({ params, actor, reply }) =>
      sendFile(ctx, reply, await keptReportFile(ctx, actor, params.id)),
  });

  t.add({
    method: "GET",
    url: "/api/reports/periodic/draft",
    tag: "reports",
    summary:
      "Các phần cơ quan theo dõi tự viết (đánh giá chung, nhiệm vụ trọng tâm) của một báo cáo",
    access: "user",
    query: periodicScopeQuery,
    response: periodicDraftResponse,
    handler: async ({ query, actor }) => getPeriodicDraft(ctx, actor, query),
  });

  t.add({
    method: "PUT",
    url: "/api/reports/periodic/draft",
    tag: "reports",
    summary: "Lưu bản nháp các phần cơ quan theo dõi tự viết; các lần tạo báo cáo sau dùng bản này",
    access: "user",
    body: periodicDraftInput,
    response: periodicDraftResponse,
    handler: async ({ body, actor }) => putPeriodicDraft(ctx, actor, body),
  });
}
