import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendError } from "./errors.js";

/**
 * Serves the built web application from `webDir`, looking files up at request time (a new
 * `vite build` is served without restarting), with a single-page-application fallback: any GET
 * outside /api that matches no file gets index.html. Paths are resolved inside `webDir` only
 * (`..` is refused) and dotfiles are never served. Without a build, /api still works.
 */
export async function installWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const root = path.resolve(webDir);
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ["index.html"],
    dotfiles: "ignore",
    // Vite's assets/ have content hashes in their names: cached for good; everything else
    // (index.html names the current build's assets) is revalidated on every use
    cacheControl: false,
    setHeaders: (res, file) => {
      const hashed = path.relative(root, file).startsWith(`assets${path.sep}`);
      res.setHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api");
    if (isPage && existsSync(path.join(root, "index.html"))) {
      return reply.header("Cache-Control", "no-cache").sendFile("index.html", root);
    }
    return sendError(reply, "not_found", "Không tìm thấy địa chỉ yêu cầu.");
  });
}
