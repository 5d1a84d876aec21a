import { timingSafeEqual } from "node:crypto";
import { DomainError } from "@giamsat/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../services/actor.js";
import { sessionActor, tokenActor, unauthenticated } from "../services/auth.service.js";
import type { Ctx } from "../services/context.js";

export const SESSION_COOKIE = "giamsat_session";
export const CSRF_COOKIE = "giamsat_csrf";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's CSRF token (cookie sessions only). */
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the actor of every /api request: `Authorization: Bearer <token>` (an API token or a
 * session token; no CSRF check, a browser never sends it on its own) or the session cookie, in
 * which case an unsafe method must carry the session's CSRF token in `x-csrf-token`. Public reads
 * (a route's `anonymous` config) skip it: a signed-in visitor's cookie costs no session lookup.
 */
export function installAuth(app: FastifyInstance, ctx: Ctx): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/auth/login")) return;
    if (request.routeOptions.config.anonymous) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw unauthenticated();
      const token = match[1];
      request.actor =
        (await tokenActor(ctx, token)) ?? (await sessionActor(ctx, token))?.actor ?? null;
      if (!request.actor)
        throw new DomainError("unauthenticated", "Mã truy cập không hợp lệ hoặc đã hết hạn.");
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await sessionActor(ctx, cookie);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameToken(sent, session.csrfToken)) {
        throw new DomainError(
          "csrf",
          "Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang.",
        );
      }
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
  });
}

/** The request's actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
