import { api } from "../api/client.js";
import type { LinkProposal, Page } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { Link } from "../router/link.js";

/** "Đề xuất liên kết nhiệm vụ chờ xác nhận (N)": the way from the review queue to /lien-ket. */
export function PendingLinksLink() {
  const pending = useResource("links pending count", (signal) =>
    api<Page<LinkProposal>>("/api/links", { query: { state: "proposed", limit: 1 }, signal }),
  );
  return (
    <Link to="/lien-ket">
      Đề xuất liên kết nhiệm vụ chờ xác nhận
      {pending.data ? ` (${pending.data.total})` : ""}
    </Link>
  );
}
