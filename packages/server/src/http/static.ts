import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "./errors.js";
import { sendReady } from "./ready-body.js";
import { WebIndex } from "./web-index.js";

/** A new build's index.html is served at most this much later (the file is looked at again). */
export const INDEX_RECHECK_MS = 1000;

/** The public pages, whose bursts of visitors get index.html without looking for a file first. */
const PUBLIC_PAGES = ["/cong-khai", "/cong-khai/*", "/gop-y", "/gop-y/*"];

/**
 * Serves the built web application from `webDir`, looking files up at request time (a new
 * `vite build` is served without restarting), with a single-page-application fallback: any GET
 * outside /api that matches no file gets index.html. Paths are resolved inside `webDir` only
 * (`..` is refused) and dotfiles are never served. Without a build, /api still works.
 * index.html is kept in memory with its gzip and brotli copies (WebIndex), revalidated by ETag.
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
  const index = new WebIndex(path.join(root, "index.html"), INDEX_RECHECK_MS);
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = await index.current();
    if (!body) return sendError(reply, "not_found", "Không tìm thấy địa chỉ yêu cầu.");
    return sendReady(request, reply, body, "no-cache");
  };
  for (const url of PUBLIC_PAGES) app.get(url, sendIndex);
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api");
    return isPage
      ? sendIndex(request, reply)
      : sendError(reply, "not_found", "Không tìm thấy địa chỉ yêu cầu.");
  });
}
