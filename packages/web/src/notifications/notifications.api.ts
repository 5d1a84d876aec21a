/** The notification endpoints as the web app uses them; a change is announced to the bell. */
import type { NotificationListResponse, PreferencesResponse } from "@giamsat/server/api";
import { api } from "../api/client.js";

export type NotificationList = NotificationListResponse;
export type NotificationItem = NotificationList["items"][number];
export type Preferences = PreferencesResponse;
/** One kind's channels; `digest`: e-mails gathered in one daily mail, offered when `digestible`. */
export type KindPreference = Preferences["kinds"][number];

/** Fired on window when notifications were read: the bell reloads its count. */
export const NOTIFICATIONS_CHANGED = "giamsat:notifications";

export async function markRead(ids: number[] | "all"): Promise<void> {
  await api("/api/notifications/read", { body: ids === "all" ? { all: true } : { ids } });
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
