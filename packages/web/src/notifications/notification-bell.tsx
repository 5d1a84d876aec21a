import { useEffect, useState } from "react";
import { api } from "../api/client.js";
import { Link } from "../router/link.js";
import { useLocation } from "../router/router.js";
import { NOTIFICATIONS_CHANGED } from "./notifications.api.js";

const POLL_MS = 60_000;

/** The bell in the header: unread notifications, refreshed each minute and on every page. */
export function NotificationBell() {
  const { path } = useLocation();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      api<{ unread: number }>("/api/notifications/unread-count", { signal: controller.signal })
        .then((r) => setUnread(r.unread))
        .catch(() => undefined);
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, [path]);

  const label = unread ? `Thông báo: ${unread} chưa đọc` : "Thông báo: không có thông báo mới";
  return (
    <Link
      to="/thong-bao"
      className="bell"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      aria-current={path === "/thong-bao" ? "page" : undefined}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {unread > 0 && (
        <span className="bell-count" data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
