import { migrationLevel } from "@giamsat/db";
import { z } from "zod";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";

/** How long the database may take to answer before the server calls itself unavailable. */
const DATABASE_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`không trả lời sau ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * For the proxy's and the orchestrator's health checks: 200 when the database answers a read of
 * the migrated schema within 2 s, else 503 `{ status: "unavailable" }` (the reason goes to the
 * log, not to the anonymous caller).
 */
export function healthRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/health",
    tag: "system",
    summary: "Kiểm tra máy chủ và cơ sở dữ liệu hoạt động (503 khi cơ sở dữ liệu không trả lời)",
    access: "public",
    response: z.object({ status: z.literal("ok") }),
    handler: async ({ request, reply }) => {
      try {
        await withTimeout(migrationLevel(ctx.db), DATABASE_TIMEOUT_MS);
      } catch (error) {
        request.log.error({ err: error }, "health: cơ sở dữ liệu không dùng được");
        return reply.status(503).send({ status: "unavailable" });
      }
      return { status: "ok" as const };
    },
  });
}
