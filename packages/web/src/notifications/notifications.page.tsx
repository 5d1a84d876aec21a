import { useState } from "react";
import { formatVietnamDateTime } from "@giamsat/core";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { navigate } from "../router/router.js";
import { NotificationPreferences } from "./notification-preferences.js";
import { markRead, type NotificationItem, type NotificationList } from "./notifications.api.js";

/** "Thông báo": what the user was told (newest first), mark read, and how to be told. */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useResource(`notifications?unread=${unreadOnly}`, (signal) =>
    api<NotificationList>("/api/notifications", {
      signal,
      query: { unread: unreadOnly ? 1 : undefined, limit: 100 },
    }),
  );
  const [error, setError] = useState<Error | null>(null);

  const open = async (n: NotificationItem) => {
    try {
      if (!n.read) await markRead([n.id]);
      navigate(n.link);
    } catch (e) {
      setError(e as Error);
    }
  };
  const readAll = async () => {
    try {
      await markRead("all");
      list.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <>
      <h1>Thông báo</h1>
      <div className="notifications-toolbar">
        <label>
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
          />{" "}
          Chỉ thông báo chưa đọc
        </label>
        <button type="button" onClick={() => void readAll()} disabled={!list.data?.unread}>
          Đánh dấu tất cả đã đọc
        </button>
      </div>
      <ErrorBox error={error ?? list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Empty>Không có thông báo.</Empty>}
      <ul className="notification-list" aria-label="Danh sách thông báo">
        {(list.data?.items ?? []).map((n) => (
          <li key={n.id} className={n.read ? "read" : "unread"}>
            <button type="button" className="link-button" onClick={() => void open(n)}>
              {!n.read && <span className="sr-only">Chưa đọc: </span>}
              {n.title}
            </button>
            <small>{formatVietnamDateTime(n.createdAt)}</small>
            <p className="notification-body">{n.body.split("\n").slice(0, 4).join(" ")}</p>
          </li>
        ))}
      </ul>
      <NotificationPreferences />
    </>
  );
}
