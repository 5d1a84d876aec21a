import type { ReactNode } from "react";
import { canMonitor, isUnitRole, useSession, useUser } from "../auth/session.js";
import { Link } from "../router/link.js";
import { useLocation } from "../router/router.js";

type NavItem = { to: string; label: string; show: (role: string) => boolean };

const NAV: NavItem[] = [
  { to: "/", label: "Tổng quan", show: () => true },
  { to: "/ke-hoach", label: "Kế hoạch", show: () => true },
  { to: "/danh-gia", label: "Đánh giá đơn vị", show: () => true },
  { to: "/don-vi", label: "Việc của đơn vị", show: isUnitRole },
  { to: "/duyet", label: "Duyệt báo cáo", show: canMonitor },
  { to: "/de-xuat", label: "Đề xuất điều chỉnh", show: (role) => role !== "admin" },
  { to: "/nhap", label: "Nhập kế hoạch", show: canMonitor },
  { to: "/quan-tri", label: "Quản trị", show: (role) => role === "admin" },
];

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
          <Link to="/" className="brand">
            Giám sát
          </Link>
          <nav className="main-nav" aria-label="Điều hướng chính">
            {NAV.filter((item) => item.show(user.role)).map((item) => (
              <Link
                key={item.to}
                to={item.to}
                aria-current={isCurrent(item.to, path) ? "page" : undefined}
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="user-box">
            <span
              className="who"
              data-testid="current-user"
              title={`${user.displayName || user.username} — ${user.roleLabel}${user.org ? ` · ${user.org.name}` : ""}`}
            >
              <strong>{user.displayName || user.username}</strong>
              <small>
                {user.roleLabel}
                {user.org ? ` · ${user.org.name}` : ""}
              </small>
            </span>
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
