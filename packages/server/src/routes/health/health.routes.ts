import { sql } from "kysely";
import { z } from "zod";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";

export function healthRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/health",
    tag: "system",
    summary: "Kiểm tra máy chủ và cơ sở dữ liệu hoạt động",
    access: "public",
    response: z.object({ status: z.literal("ok") }),
    handler: async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: "ok" as const };
    },
  });
}
