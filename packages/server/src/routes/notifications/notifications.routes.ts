import { NOTIFICATION_KINDS } from "@giamsat/core";
import { z } from "zod";
import type { RouteTable } from "../../http/route.js";
import {
  markReadFor,
  notificationsFor,
  outboxStatusFor,
  preferencesFor,
  savePreferencesFor,
  unreadCountFor,
} from "../../notifications/notification.service.js";
import type { Ctx } from "../../services/context.js";
import { notificationListResponse, outboxStatus, preferences } from "./notifications.schemas.js";

export function notificationRoutes(t: RouteTable, ctx: Ctx): void {
  t.add({
    method: "GET",
    url: "/api/notifications",
    tag: "notifications",
    summary: "Thông báo của người dùng (mới nhất trước), số chưa đọc",
    access: "user",
    query: z.object({
      unread: z.enum(["1", "0", "true", "false"]).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: notificationListResponse,
    handler: async ({ query, actor }) =>
      notificationsFor(ctx, actor, {
        unread: query.unread === "1" || query.unread === "true",
        limit: query.limit,
        offset: query.offset,
      }),
  });

  t.add({
    method: "GET",
    url: "/api/notifications/unread-count",
    tag: "notifications",
    summary: "Số thông báo chưa đọc (chuông)",
    access: "user",
    response: z.object({ unread: z.number() }),
    handler: async ({ actor }) => unreadCountFor(ctx, actor),
  });

  t.add({
    method: "POST",
    url: "/api/notifications/read",
    tag: "notifications",
    summary: "Đánh dấu đã đọc: các thông báo nêu trong ids, hoặc tất cả (all: true)",
    access: "user",
    body: z
      .object({
        ids: z.array(z.number().int().positive()).max(500).optional(),
        all: z.literal(true).optional(),
      })
      .refine((b) => b.all || b.ids, { message: "ids: cần danh sách thông báo hoặc all: true" }),
    response: z.object({ changed: z.number(), unread: z.number() }),
    handler: async ({ body, actor }) =>
      markReadFor(ctx, actor, body.all ? "all" : (body.ids ?? [])),
  });

  t.add({
    method: "GET",
    url: "/api/notifications/preferences",
    tag: "notifications",
    summary:
      "Kênh nhận thông báo theo từng loại (trong ứng dụng, e-mail từng thư hoặc gộp thư hằng ngày)",
    access: "user",
    response: preferences,
    handler: async ({ actor }) => preferencesFor(ctx, actor),
  });

  t.add({
    method: "PUT",
    url: "/api/notifications/preferences",
    tag: "notifications",
    summary: "Lưu kênh nhận thông báo theo từng loại",
    access: "user",
    body: z.object({
      kinds: z
        .array(
          z.object({
            kind: z.enum(NOTIFICATION_KINDS as [string, ...string[]]),
            inApp: z.boolean(),
            email: z.boolean(),
            digest: z.boolean().optional(),
          }),
        )
        .max(NOTIFICATION_KINDS.length),
    }),
    response: preferences,
    handler: async ({ body, actor }) =>
      savePreferencesFor(ctx, actor, body.kinds as Parameters<typeof savePreferencesFor>[2]),
  });

  t.add({
    method: "GET",
    url: "/api/admin/outbox",
    tag: "notifications",
    summary: "Hàng đợi thông báo: số thư theo trạng thái, các thư gửi lỗi hẳn kèm lý do (quản trị)",
    access: "user",
    response: outboxStatus,
    handler: async ({ actor }) => outboxStatusFor(ctx, actor),
  });
}
