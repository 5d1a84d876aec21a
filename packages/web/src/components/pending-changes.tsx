import { api } from "../api/client.js";
import type { ChangeRequestView } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { Link } from "../router/link.js";

/** For a leader: how many change requests wait for a decision, with a link to decide them. */
export function PendingChanges() {
  const user = useUser();
  const pending = useResource(user.role === "leader" ? "pending changes" : null, (signal) =>
    api<{ items: ChangeRequestView[] }>("/api/change-requests", {
      query: { status: "proposed" },
      signal,
    }),
  );
  const count = pending.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <p className="alert info" data-testid="pending-changes">
      Có {count} đề xuất điều chỉnh nhiệm vụ chờ lãnh đạo quyết định.{" "}
      <Link to="/de-xuat">Xem và quyết định</Link>
    </p>
  );
}
