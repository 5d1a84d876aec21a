/** Response schemas of a user's notifications and notification preferences. */
import { NOTIFICATION_KINDS } from "@giamsat/core";
import { z } from "zod";

export const preferences = z.object({
  email: z.string().nullable(),
  kinds: z.array(
    z.object({
      kind: z.enum(NOTIFICATION_KINDS as [string, ...string[]]),
      label: z.string(),
      inApp: z.boolean(),
      email: z.boolean(),
      digest: z.boolean().describe("e-mail của loại này gộp vào một thư tổng hợp mỗi ngày"),
      digestible: z.boolean(),
    }),
  ),
});

export const notificationListResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string(),
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
  total: z.number(),
  unread: z.number(),
});

/** The outbox as the administrator sees it: rows per status, the mails failed for good. */
export const outboxStatus = z.object({
  counts: z.record(z.string(), z.number()),
  failed: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      channel: z.string(),
      recipientId: z.number().nullable(),
      address: z.string().nullable(),
      subject: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

/** The bodies of the notification endpoints, for the web app (`@giamsat/server/api`). */
export type NotificationListResponse = z.output<typeof notificationListResponse>;
export type PreferencesResponse = z.output<typeof preferences>;
export type OutboxStatusResponse = z.output<typeof outboxStatus>;
