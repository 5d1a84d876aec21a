import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * Serves the built web application from `webDir` with a single-page-application fallback:
 * any GET outside /api that matches no file gets index.html. Without a build, /api still works.
 */
export async function installWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const hasBuild = existsSync(path.join(webDir, "index.html"));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api");
    if (isPage && hasBuild) {
      return reply.header("Cache-Control", "no-cache").sendFile("index.html");
    }
    return reply
      .status(404)
      .send({ code: "not_found", message: "Không tìm thấy địa chỉ yêu cầu." });
  });
}
