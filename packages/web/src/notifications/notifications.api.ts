/** The notification endpoints as the web app uses them; a change is announced to the bell. */
import { api } from "../api/client.js";

export type NotificationItem = {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  read: boolean;
};

export type NotificationList = { items: NotificationItem[]; total: number; unread: number };

export type KindPreference = {
  kind: string;
  label: string;
  inApp: boolean;
  email: boolean;
  /** e-mails of this kind gathered in one daily mail; offered when `digestible` */
  digest: boolean;
  digestible: boolean;
};
export type Preferences = { email: string | null; kinds: KindPreference[] };

/** Fired on window when notifications were read: the bell reloads its count. */
export const NOTIFICATIONS_CHANGED = "giamsat:notifications";

export async function markRead(ids: number[] | "all"): Promise<void> {
  await api("/api/notifications/read", { body: ids === "all" ? { all: true } : { ids } });
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
