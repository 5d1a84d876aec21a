import { z } from "zod";
import type { RouteTable } from "../http/route.js";
import { PROGRESS_KEY } from "../routes/imports/imports.routes.js";
import { requireRole } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import { progressOf } from "./import-progress.store.js";

/** The import page's progress bar while a scan is read page by page. */
export function importProgressRoutes(t: RouteTable, _ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/imports/progress/:key",
    tag: "imports",
    summary:
      "Tiến độ đọc tệp đang xem trước (số trang bản quét đã nhận dạng / tổng số trang), theo khoá trường progress của chính người tải lên; null khi chưa có hoặc không biết",
    access: "user",
    params: z.object({ key: z.string().regex(PROGRESS_KEY, "khoá không hợp lệ") }),
    response: z.object({ done: z.number(), total: z.number() }).nullable(),
    handler: async ({ params, actor }) => {
      requireRole(actor, "monitor", "admin");
      return progressOf(params.key, actor.userId);
    },
  });
}
