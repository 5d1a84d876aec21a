import { Link } from "../router/link.js";

export function NotFoundPage() {
  return (
    <div className="card">
      <h1>Không tìm thấy trang</h1>
      <p>Địa chỉ này không có trong Giám sát.</p>
      <Link to="/">Về trang tổng quan</Link>
    </div>
  );
}
