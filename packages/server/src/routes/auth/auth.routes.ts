import { getOrganisation } from "@giamsat/db";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { CSRF_COOKIE, SESSION_COOKIE } from "../../http/auth.js";
import type { RouteTable } from "../../http/route.js";
import { ROLE_LABELS, type Actor } from "../../services/actor.js";
import { login, logout, sha256 } from "../../services/auth.service.js";
import type { Ctx } from "../../services/context.js";
import { LoginLimiter } from "../../services/login-limiter.js";
import { changeOwnPassword } from "../../services/user.service.js";
import { loginBody, meResponse, ownPasswordBody, type MeResponse } from "./auth.schemas.js";

async function describe(ctx: Ctx, actor: Actor, csrfToken: string | null): Promise<MeResponse> {
  const found = actor.orgId === null ? undefined : await getOrganisation(ctx.db, actor.orgId);
  const org = found ? { id: found.id, name: found.name } : null;
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      roleLabel: ROLE_LABELS[actor.role],
      org,
      units: actor.units,
    },
    csrfToken,
  };
}

function clearCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" }).clearCookie(CSRF_COOKIE, { path: "/" });
}

export function authRoutes(t: RouteTable, ctx: Ctx): void {
  const limiter = new LoginLimiter(ctx.db);

  t.add({
    method: "POST",
    url: "/api/auth/login",
    tag: "auth",
    summary: "Đăng nhập bằng mật khẩu: đặt cookie phiên (httpOnly) và trả mã CSRF",
    access: "public",
    body: loginBody,
    response: meResponse,
    handler: async ({ body, request, reply }) => {
      const result = await login(ctx, limiter, { ...body, ip: request.ip });
      const common = {
        path: "/",
        sameSite: "lax" as const,
        secure: ctx.config.cookieSecure || request.protocol === "https",
        maxAge: Math.floor(ctx.config.sessionTtlMs / 1000),
      };
      reply.setCookie(SESSION_COOKIE, result.token, { ...common, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...common, httpOnly: false });
      return describe(ctx, result.actor, result.csrfToken);
    },
  });

  t.add({
    method: "POST",
    url: "/api/auth/logout",
    tag: "auth",
    summary: "Đăng xuất (kết thúc phiên)",
    access: "user",
    response: z.object({ ok: z.literal(true) }),
    handler: async ({ request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(ctx, token);
      clearCookies(reply);
      return { ok: true as const };
    },
  });

  t.add({
    method: "GET",
    url: "/api/auth/me",
    tag: "auth",
    summary: "Người dùng hiện tại, vai trò, đơn vị và mã CSRF của phiên",
    access: "user",
    response: meResponse,
    handler: async ({ actor, request }) => describe(ctx, actor, request.csrfToken),
  });

  t.add({
    method: "POST",
    url: "/api/auth/password",
    tag: "auth",
    summary:
      "Đổi mật khẩu của chính mình (cần mật khẩu hiện tại); các phiên khác của tài khoản kết thúc",
    access: "user",
    body: ownPasswordBody,
    response: z.object({ ok: z.literal(true) }),
    handler: async ({ actor, body, request }) => {
      const token = actor.via === "session" ? request.cookies[SESSION_COOKIE] : undefined;
      return changeOwnPassword(ctx, actor, body, token ? sha256(token) : null);
    },
  });
}
