import { PassThrough } from "node:stream";
import type { FastifyReply } from "fastify";
import { contentDisposition } from "../http/content-disposition.js";
import { fileResponse } from "../http/responses.js";
import type { RouteTable } from "../http/route.js";
import { writeXlsx } from "../office/xlsx-stream.writer.js";
import { taskListQuery, taskScopeQuery } from "../routes/tasks/tasks.schemas.js";
import type { Ctx } from "../services/context.js";
import {
  dashboardExport,
  scorecardExport,
  taskListExport,
  type ExportFile,
} from "./list-export.service.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Streams the workbook out as it is written; a failure midway ends the download broken. */
function sendWorkbook(reply: FastifyReply, file: ExportFile) {
  const out = new PassThrough();
  writeXlsx(file.sheets, out).catch((error: unknown) => out.destroy(error as Error));
  return reply
    .header("Content-Type", XLSX)
    .header("Content-Disposition", contentDisposition(file.fileName, "danh-sach.xlsx"))
    .header("X-Content-Type-Options", "nosniff")
    .header("Cache-Control", "private, no-store")
    .send(out);
}

const exportQuery = taskListQuery.omit({ limit: true, offset: true });

/** "Xuất Excel" of the list pages: the page's filters, every row, the reader's scope. */
export function listExportRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/tasks/export",
    tag: "tasks",
    summary:
      "Xuất Excel danh sách nhiệm vụ với cùng bộ lọc và thứ tự như /api/tasks (mọi trang, tối đa 50.000 dòng)",
    access: "user",
    query: exportQuery,
    response: fileResponse,
    produces: XLSX,
    handler: async ({ query, actor, reply }) =>
      sendWorkbook(reply, await taskListExport(ctx, actor, query)),
  });

  t.add({
    method: "GET",
    url: "/api/stats/export",
    tag: "dashboard",
    summary:
      "Xuất Excel trang tổng quan: số nhiệm vụ theo tình trạng, theo từng đơn vị chủ trì và danh sách quá hạn tại ngày asOf",
    access: "user",
    query: taskScopeQuery,
    response: fileResponse,
    produces: XLSX,
    handler: async ({ query, actor, reply }) =>
      sendWorkbook(reply, await dashboardExport(ctx, actor, query)),
  });

  t.add({
    method: "GET",
    url: "/api/scorecards/export",
    tag: "dashboard",
    summary: "Xuất Excel đánh giá đơn vị chủ trì tại ngày asOf (quá hạn nhiều nhất trước)",
    access: "user",
    query: taskScopeQuery,
    response: fileResponse,
    produces: XLSX,
    handler: async ({ query, actor, reply }) =>
      sendWorkbook(reply, await scorecardExport(ctx, actor, query)),
  });
}
