import { readFile } from "node:fs/promises";
import { ValidationError } from "@giamsat/core";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { withUpload } from "../../http/multipart.js";
import { id } from "../../http/query.js";
import { fileResponse } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { requireRole, type Actor } from "../../services/actor.js";
import type { Ctx } from "../../services/context.js";
import {
  importValuesSheet,
  previewValuesSheet,
  valuesTemplateFor,
} from "../../services/indicator-values-sheet.service.js";
import { valuesSheetImportSchema, valuesSheetPreviewSchema } from "./indicators.schemas.js";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const sheetUpload = z.object({
  file: z.string().describe("Tệp .xlsx giá trị chỉ tiêu (theo mẫu)"),
});

/**
 * The uploaded sheet, after the role check (only the monitoring department imports values):
 * streamed to a temporary file within the upload limits, then read.
 */
async function uploadedSheet(
  ctx: Ctx,
  actor: Actor,
  request: FastifyRequest,
): Promise<{ fileName: string; content: Buffer }> {
  requireRole(actor, "monitor");
  if (!request.isMultipart())
    throw new ValidationError("file: hãy gửi tệp dạng multipart/form-data.");
  const limits = {
    dataDir: ctx.config.dataDir,
    maxFileBytes: ctx.config.uploadMaxBytes,
    maxTotalBytes: ctx.config.uploadMaxBytes + 64 * 1024,
  };
  return withUpload(request, limits, async ({ files }) => {
    const file = files[0];
    if (!file) throw new ValidationError("file: chưa chọn tệp.", { field: "file" });
    return { fileName: file.fileName, content: await readFile(file.path) };
  });
}

/** Indicator values in bulk from the .xlsx the monitoring department fills. */
export function indicatorValuesSheetRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/indicator-values/template",
    tag: "indicators",
    summary:
      "Tải tệp mẫu .xlsx nhập giá trị chỉ tiêu: mỗi chỉ tiêu (của kế hoạch plan, hoặc mọi kế hoạch) một dòng, kỳ đề xuất là tháng trước, cột Giá trị để trống",
    access: "user",
    query: z.object({ plan: id.optional() }),
    response: fileResponse,
    produces: XLSX_MIME,
    handler: async ({ query, actor, reply }) => {
      const bytes = await valuesTemplateFor(ctx, actor, query.plan);
      return reply
        .header("Content-Type", XLSX_MIME)
        .header("Content-Disposition", 'attachment; filename="mau-gia-tri-chi-tieu.xlsx"')
        .header("Cache-Control", "private, no-store")
        .send(Buffer.from(bytes));
    },
  });

  t.add({
    method: "POST",
    url: "/api/indicator-values/import/preview",
    tag: "indicators",
    summary:
      "Xem trước tệp .xlsx giá trị chỉ tiêu (multipart, trường file): các dòng sẽ lưu và mọi lỗi theo dòng, cột; chưa lưu gì",
    access: "user",
    multipart: sheetUpload,
    response: valuesSheetPreviewSchema,
    handler: async ({ request, actor }) =>
      previewValuesSheet(ctx, actor, (await uploadedSheet(ctx, actor, request)).content),
  });

  t.add({
    method: "POST",
    url: "/api/indicator-values/import",
    tag: "indicators",
    summary:
      "Lưu tệp .xlsx giá trị chỉ tiêu (multipart, trường file): mọi dòng được lưu là giá trị đã chấp nhận (nguồn xlsx), hoặc không dòng nào khi có lỗi (400, details.errors theo dòng, cột)",
    access: "user",
    multipart: sheetUpload,
    response: valuesSheetImportSchema,
    status: 201,
    handler: async ({ request, actor }) =>
      importValuesSheet(ctx, actor, await uploadedSheet(ctx, actor, request)),
  });
}
