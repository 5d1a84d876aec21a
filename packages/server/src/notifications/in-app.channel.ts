/**
 * The bell: an outbox row becomes one notification row (once, whatever the retries); a claimed
 * batch is written in one statement and marked sent in the same transaction.
 */
import { deliverInApp, insertNotification } from "@giamsat/db";
import type { Ctx } from "../services/context.js";
import type { Channel } from "./channel.js";

export function inAppChannel(ctx: Ctx): Channel {
  return {
    name: "in_app",
    concurrency: 1,
    deliver: async (row) => {
      if (row.recipient_id === null)
        throw new Error("Thông báo trong ứng dụng không có người nhận.");
      await insertNotification(ctx.db, {
        user_id: row.recipient_id,
        kind: row.kind,
        title: row.subject,
        body: row.body_text,
        link: row.link,
        outbox_id: row.id,
      });
    },
    deliverBatch: async (rows) =>
      deliverInApp(
        ctx.db,
        rows.map((r) => r.id),
        new Date().toISOString(),
      ),
    close: async () => undefined,
  };
}
