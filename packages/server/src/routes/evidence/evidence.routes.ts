import { stripDiacritics } from "@giamsat/core";
import { idParams } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { openEvidence } from "../../services/evidence.service.js";

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii =
    stripDiacritics(fileName)
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "minh-chung";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function evidenceRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/evidence/:id",
    tag: "reports",
    summary: "Tải tệp minh chứng (kiểm tra phạm vi đơn vị; luôn tải về, không hiển thị trực tiếp)",
    access: "user",
    params: idParams,
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
}
