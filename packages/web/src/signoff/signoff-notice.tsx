import { api } from "../api/client.js";
import type { ChangeRequestView } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { reportCount, type QueuePage } from "../format/queue.format.js";
import { Link } from "../router/link.js";

/** On the unit's inbox, for the unit head: how many staff reports and change requests wait. */
export function SignoffNotice() {
  const user = useUser();
  const head = user.role === "unit_head";
  const waiting = useResource(head ? "signoff count" : null, (signal) =>
    api<QueuePage>("/api/reports", {
      query: { status: "awaiting_signoff", limit: 1 },
      signal,
    }),
  );
  const changes = useResource(head ? "signoff changes count" : null, (signal) =>
    api<{ items: ChangeRequestView[] }>("/api/change-requests", {
      query: { status: "awaiting_signoff" },
      signal,
    }),
  );
  const total = (waiting.data?.total ?? 0) + (changes.data?.items.length ?? 0);
  if (!head || total === 0) return null;
  // past the reports' count cap: "Hơn 1.000"
  const count = reportCount({ total, totalCapped: waiting.data?.totalCapped ?? false });
  return (
    <p className="alert info" data-testid="signoff-notice">
      <Link to="/ky-duyet">Chờ ký duyệt ({count})</Link>: báo cáo, đề xuất điều chỉnh của cán bộ
      đang chờ lãnh đạo đơn vị ký duyệt.
    </p>
  );
}
