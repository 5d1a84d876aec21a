import { contentDisposition } from "../../http/content-disposition.js";
import { idParams } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { openEvidence } from "../../services/evidence.service.js";
import { fileResponse } from "../../http/responses.js";

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
}
