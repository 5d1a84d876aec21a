import { ValidationError } from "@giamsat/core";
import { contentDisposition } from "../../http/content-disposition.js";
import { idParams } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { openEvidence } from "../../services/evidence.service.js";
import { fileResponse } from "../../http/responses.js";

/** The files the review page shows inside itself: PDF in a frame, images. */
const PREVIEWABLE = /^(application\/pdf|image\/(png|jpeg|gif|webp))$/;

/**
 * A previewed file is its own sandboxed document (no script, no form, an opaque origin; nothing
 * loaded but itself) that only this site's pages may frame.
 */
export const PREVIEW_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

export function evidenceRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/evidence/:id",
    tag: "reports",
    summary: "Tải tệp minh chứng (kiểm tra phạm vi đơn vị; luôn tải về, không hiển thị trực tiếp)",
    access: "user",
    params: idParams,
    response: fileResponse,
    produces: "application/octet-stream",
    handler: async ({ params, actor, reply }) => {
      const file = await openEvidence(ctx, actor, params.id);
      reply
        .header("Content-Type", file.mime)
        .header("Content-Disposition", contentDisposition(file.fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store");
      if (file.size !== null) reply.header("Content-Length", file.size);
      return reply.send(file.stream);
    },
  });

  t.add({
    method: "GET",
    url: "/api/evidence/:id/preview",
    tag: "reports",
    summary:
      "Xem trước tệp minh chứng PDF hoặc ảnh ngay trong trang (cùng kiểm tra phạm vi; tài liệu được cô lập bằng Content-Security-Policy: sandbox, chỉ trang của hệ thống được nhúng); loại tệp khác → 400",
    access: "user",
    response: fileResponse,
    produces: ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"],
    params: idParams,
    handler: async ({ params, actor, reply }) => {
      const file = await openEvidence(ctx, actor, params.id);
      if (!PREVIEWABLE.test(file.mime)) {
        file.stream.destroy();
        throw new ValidationError(
          `Tệp “${file.fileName}” không xem trước được trong trang; hãy tải về để mở.`,
        );
      }
      reply
        .header("Content-Type", file.mime)
        .header("Content-Disposition", contentDisposition(file.fileName, "minh-chung", "inline"))
        .header("Content-Security-Policy", PREVIEW_CSP)
        .header("X-Frame-Options", "SAMEORIGIN")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store");
      if (file.size !== null) reply.header("Content-Length", file.size);
      return reply.send(file.stream);
    },
  });
}
