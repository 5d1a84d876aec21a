import { homeOf } from "../auth/page-access.js";
import { useUser } from "../auth/session.js";
import { Link } from "../router/link.js";

/** A page the user's role may not open, reached by typing or following its address. */
export function ForbiddenPage({ title }: { title: string }) {
  const user = useUser();
  return (
    <div className="card" role="alert" data-testid="forbidden">
      <h1>Không có quyền mở trang này</h1>
      <p>
        Trang “{title}” không dành cho vai trò {user.roleLabel.toLocaleLowerCase("vi")}. Nếu cần
        dùng trang này, hãy liên hệ quản trị hệ thống.
      </p>
      <Link to={homeOf(user.role)}>Về trang làm việc của bạn</Link>
    </div>
  );
}
