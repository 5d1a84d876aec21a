import { z } from "zod";
import { id, idParams } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import type { Ctx } from "../../services/context.js";
import { issueOwnToken, listTokensFor, revokeTokenFor } from "../../services/token.service.js";

const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
const tokenList = z.object({ items: z.array(tokenSchema) });
const ok = z.object({ ok: z.literal(true) });

/** API tokens: one's own (any role), anyone's for an administrator (list and revoke only). */
export function tokenRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/auth/tokens",
    tag: "auth",
    summary: "Mã truy cập API của chính mình (tên, ngày tạo, lần dùng cuối)",
    access: "user",
    response: tokenList,
    handler: async ({ actor }) => ({ items: await listTokensFor(ctx, actor, actor.userId) }),
  });

  t.add({
    method: "POST",
    url: "/api/auth/tokens",
    tag: "auth",
    summary: "Cấp mã truy cập API cho chính mình; mã chỉ hiển thị một lần",
    access: "user",
    body: z.object({ name: z.string().trim().min(1).max(100).default("api") }),
    response: z.object({ token: z.string() }),
    status: 201,
    handler: async ({ body, actor }) => ({ token: await issueOwnToken(ctx, actor, body.name) }),
  });

  t.add({
    method: "DELETE",
    url: "/api/auth/tokens/:id",
    tag: "auth",
    summary: "Thu hồi một mã truy cập API của chính mình",
    access: "user",
    params: idParams,
    response: ok,
    handler: async ({ params, actor }) => {
      await revokeTokenFor(ctx, actor, actor.userId, params.id);
      return { ok: true as const };
    },
  });

  t.add({
    method: "GET",
    url: "/api/users/:id/tokens",
    tag: "admin",
    summary: "Mã truy cập API của một người dùng (quản trị)",
    access: "user",
    params: idParams,
    response: tokenList,
    handler: async ({ params, actor }) => ({ items: await listTokensFor(ctx, actor, params.id) }),
  });

  t.add({
    method: "DELETE",
    url: "/api/users/:id/tokens/:tokenId",
    tag: "admin",
    summary: "Thu hồi một mã truy cập API của người dùng (quản trị)",
    access: "user",
    params: z.object({ id, tokenId: id }),
    response: ok,
    handler: async ({ params, actor }) => {
      await revokeTokenFor(ctx, actor, params.id, params.tokenId);
      return { ok: true as const };
    },
  });
}
