import type { ReactNode } from "react";
import { Link } from "../router/link.js";

/**
 * The public pages' frame: no account, no menu of the application — the name, a link to the
 * published plans, and a line on what is (and is not) shown.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua phần đầu trang
      </a>
      <header className="app-header">
        <div className="header-bar">
          <Link to="/cong-khai" className="brand">
            Giám sát · Công khai
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
        <p className="muted small public-note">
          Số liệu công khai của các kế hoạch được cơ quan theo dõi chọn công khai: tình trạng nhiệm
          vụ theo phân loại của Văn phòng Chính phủ và các nhiệm vụ quá hạn với đơn vị chủ trì.
          Không có nhiệm vụ mật, ý kiến nội bộ hay thông tin cá nhân.
        </p>
      </main>
    </>
  );
}
