import { z } from "zod";
import { id, idParams, limitParam, offsetParam } from "../../http/query.js";
import type { RouteTable } from "../../http/route.js";
import { requireRole, ROLES } from "../../services/actor.js";
import type { Ctx } from "../../services/context.js";
import {
  createUser,
  listUsersFor,
  resetPassword,
  updateUserFor,
} from "../../services/user.service.js";
import { pageOf } from "../../http/responses.js";
import { userSchema } from "./users.schemas.js";

const orgIds = z.array(z.number().int().positive()).max(50);
/** checked (and '' read as none) by the service, which names the field in its message */
const email = z.string().max(254).nullable();
/** A new password; empty means "generate one" (the rule it meets: password-policy.ts). */
const password = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.string().max(500).optional(),
);

export function userRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/users",
    tag: "admin",
    summary:
      "Tìm người dùng (quản trị): theo tên đăng nhập, họ tên hoặc tên đơn vị (không dấu), vai trò, đơn vị, trạng thái",
    access: "user",
    query: z.object({
      q: z.string().trim().max(200).optional(),
      role: z.enum(ROLES).optional(),
      org: id.optional(),
      active: z.enum(["true", "false"]).optional(),
      limit: limitParam(500, 50),
      offset: offsetParam,
    }),
    response: pageOf(userSchema),
    handler: async ({ actor, query }) =>
      listUsersFor(ctx, actor, {
        ...(query.q ? { q: query.q } : {}),
        ...(query.role ? { role: query.role } : {}),
        ...(query.org !== undefined ? { orgId: query.org } : {}),
        ...(query.active ? { active: query.active === "true" } : {}),
        limit: query.limit,
        offset: query.offset,
      }),
  });

  t.add({
    method: "POST",
    url: "/api/users",
    tag: "admin",
    summary: "Tạo tài khoản (quản trị); không nhập mật khẩu thì hệ thống sinh và trả về một lần",
    access: "user",
    body: z.object({
      username: z.string().trim().min(3).max(64),
      displayName: z.string().trim().max(200).optional(),
      role: z.enum(ROLES),
      orgId: z.number().int().positive().nullable().optional(),
      orgIds: orgIds.optional(),
      password,
      email: email.optional(),
    }),
    response: z.object({ user: userSchema, password: z.string().nullable() }),
    status: 201,
    handler: async ({ body, actor }) => {
      requireRole(actor, "admin");
      return createUser(ctx, actor.userId, body);
    },
  });

  t.add({
    method: "PATCH",
    url: "/api/users/:id",
    tag: "admin",
    summary: "Đổi tên hiển thị, vai trò, đơn vị, e-mail, khoá/mở tài khoản (quản trị)",
    access: "user",
    params: idParams,
    body: z.object({
      displayName: z.string().trim().max(200).optional(),
      role: z.enum(ROLES).optional(),
      orgId: z.number().int().positive().nullable().optional(),
      orgIds: orgIds.optional(),
      active: z.boolean().optional(),
      email: email.optional(),
    }),
    response: userSchema,
    handler: async ({ params, body, actor }) => updateUserFor(ctx, actor, params.id, body),
  });

  t.add({
    method: "POST",
    url: "/api/users/:id/password",
    tag: "admin",
    summary: "Đặt lại mật khẩu (quản trị); trả về mật khẩu mới",
    access: "user",
    params: idParams,
    body: z.object({ password }),
    response: z.object({ password: z.string() }),
    handler: async ({ params, body, actor }) => {
      requireRole(actor, "admin");
      return { password: await resetPassword(ctx, actor.userId, params.id, body.password) };
    },
  });
}
