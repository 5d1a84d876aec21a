import { ValidationError } from "@giamsat/core";
import { z } from "zod";
import { readFile } from "node:fs/promises";
import { withUpload } from "../../http/multipart.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { requireRole } from "../../services/actor.js";
import { confirmImport, previewImport } from "../../services/import.service.js";
import { importConfirmResponse, importPreviewResponse } from "./imports.schemas.js";

/** The key a page sends with an upload to follow its reading (`GET /api/imports/progress/:key`). */
export const PROGRESS_KEY = /^[0-9a-f-]{16,64}$/;

export function importRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "POST",
    url: "/api/imports/preview",
    tag: "imports",
    summary:
      "Tải lên văn bản kế hoạch (.docx, .xlsx, .pdf có lớp chữ hoặc bản quét, ảnh quét .png/.jpg/.tif, .txt, .md, .html; multipart, trường file; trường progress tuỳ chọn: khoá để theo dõi tiến độ nhận dạng chữ) và xem trước kết quả nhập: phụ lục, nhiệm vụ, cảnh báo, đơn vị chưa nhận ra. Chưa lưu gì.",
    access: "user",
    multipart: z.object({ file: z.string().describe("Tệp văn bản kế hoạch") }),
    response: importPreviewResponse,
    handler: async ({ request, actor }) => {
      // Role first, then the size of the whole request, and only then its parts.
      requireRole(actor, "monitor", "admin");
      if (!request.isMultipart())
        throw new ValidationError("file: hãy gửi tệp dạng multipart/form-data.");
      const limits = {
        dataDir: ctx.config.dataDir,
        maxFileBytes: ctx.config.uploadMaxBytes,
        maxTotalBytes: ctx.config.uploadMaxBytes + 64 * 1024,
      };
      return withUpload(request, limits, async ({ fields, files }) => {
        const file = files[0];
        if (!file) throw new ValidationError("file: chưa chọn tệp.");
        const key = fields.progress;
        if (key !== undefined && !PROGRESS_KEY.test(key))
          throw new ValidationError("progress: khoá theo dõi tiến độ không hợp lệ.");
        const content = await readFile(file.path);
        return previewImport(ctx, actor, { fileName: file.fileName, content }, key);
      });
    },
  });

  t.add({
    method: "POST",
    url: "/api/imports",
    tag: "imports",
    summary:
      "Xác nhận nhập tệp đã xem trước (uploadId): lưu kế hoạch trong một giao dịch; nhập lại cùng văn bản không thay đổi gì, văn bản sửa đổi được ghi thành thay đổi",
    access: "user",
    body: z.object({
      uploadId: z.string().regex(/^[0-9a-f]{64}$/, "uploadId không hợp lệ"),
      confirmProse: z
        .array(z.number().int().nonnegative())
        .max(5000)
        .optional()
        .describe(
          "vị trí (từ 0, theo thứ tự trong bản xem trước) của các nhiệm vụ đọc từ câu văn (cảnh báo task_from_prose) được xác nhận; nhiệm vụ không có trong danh sách không được lưu",
        ),
    }),
    response: importConfirmResponse,
    status: 201,
    handler: async ({ body, actor }) => confirmImport(ctx, actor, body.uploadId, body.confirmProse),
  });
}
