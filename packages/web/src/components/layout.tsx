import type { ReactNode } from "react";
import type { Role } from "../api/types.js";
import { homeOf, mayOpen } from "../auth/page-access.js";
import { useSession, useUser } from "../auth/session.js";
import { Link } from "../router/link.js";
import { useLocation } from "../router/router.js";
import { NotificationBell } from "../notifications/notification-bell.js";

/** The menu, in order; each page shows only to the roles that may open it (auth/page-access). */
const NAV: { to: string; label: string }[] = [
  { to: "/don-vi", label: "Việc của đơn vị" },
  { to: "/ky-duyet", label: "Ký duyệt" },
  { to: "/", label: "Tổng quan" },
  { to: "/ke-hoach", label: "Kế hoạch" },
  { to: "/danh-gia", label: "Đánh giá đơn vị" },
  { to: "/bao-cao-dinh-ky", label: "Báo cáo định kỳ" },
  { to: "/duyet", label: "Duyệt báo cáo" },
  { to: "/de-xuat", label: "Điều chỉnh" },
  { to: "/xu-ly-gop-y", label: "Góp ý" },
  { to: "/nhap", label: "Nhập kế hoạch" },
  { to: "/quan-tri", label: "Quản trị" },
];

/** The dashboard's address for a role: `/` is the home page, a unit's inbox for unit users. */
const dashboardOf = (role: Role) => (homeOf(role) === "/" ? "/" : "/tong-quan");

const isCurrent = (to: string, path: string) => (to === "/" ? path === "/" : path.startsWith(to));

export function Layout({ children }: { children: ReactNode }) {
  const user = useUser();
  const { logout } = useSession();
  const { path } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua thanh điều hướng
      </a>
      <header className="app-header">
        <div className="header-bar">
          <Link to={homeOf(user.role)} className="brand">
            Giám sát
          </Link>
          <nav className="main-nav" aria-label="Điều hướng chính">
            {NAV.filter((item) => mayOpen(user.role, item.to)).map((item) => {
              const to = item.to === "/" ? dashboardOf(user.role) : item.to;
              return (
                <Link key={to} to={to} aria-current={isCurrent(to, path) ? "page" : undefined}>
                  {item.label}
                </Link>
              );
            })}
          </nav>
          <div className="user-box">
            <NotificationBell />
            <Link
              to="/mat-khau"
              className="who"
              data-testid="current-user"
              title={`${user.displayName || user.username} — ${user.roleLabel}${user.org ? ` · ${user.org.name}` : ""}. Bấm để đổi mật khẩu.`}
            >
              <strong>{user.displayName || user.username}</strong>
              <small>
                {user.roleLabel}
                {user.org ? ` · ${user.org.name}` : ""}
              </small>
            </Link>
            <button type="button" onClick={() => void logout()}>
              Đăng xuất
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
