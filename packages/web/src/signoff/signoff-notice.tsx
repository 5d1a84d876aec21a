import { api } from "../api/client.js";
import type { Page, ReportWithTask } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { Link } from "../router/link.js";

/** On the unit's inbox, for the unit head: how many staff reports wait for sign-off. */
export function SignoffNotice() {
  const user = useUser();
  const head = user.role === "unit_head";
  const waiting = useResource(head ? "signoff count" : null, (signal) =>
    api<Page<ReportWithTask>>("/api/reports", {
      query: { status: "awaiting_signoff", limit: 1 },
      signal,
    }),
  );
  const total = waiting.data?.total ?? 0;
  if (!head || total === 0) return null;
  return (
    <p className="alert info" data-testid="signoff-notice">
      <Link to="/ky-duyet">Chờ ký duyệt ({total})</Link>: báo cáo của cán bộ đang chờ lãnh đạo đơn
      vị ký duyệt trước khi chuyển cơ quan theo dõi.
    </p>
  );
}
