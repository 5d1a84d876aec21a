import type { PublicPlanView } from "@giamsat/server/api";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { formatDate } from "../format/date.format.js";
import { Link } from "../router/link.js";

/** `/cong-khai`: the plans the monitoring department published, newest first. */
export function PublicPlansPage() {
  const plans = useResource("public plans", (signal) =>
    api<PublicPlanView[]>("/api/public/plans", { signal }),
  );
  return (
    <>
      <h1>Kế hoạch được công khai</h1>
      <ErrorBox error={plans.error} />
      {plans.loading && !plans.data && <Loading />}
      {plans.data && plans.data.length === 0 && <Empty>Chưa có kế hoạch nào được công khai.</Empty>}
      {plans.data && plans.data.length > 0 && (
        <ul className="public-plans">
          {plans.data.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/cong-khai/${p.id}`}>
                  {p.kind ?? "Kế hoạch"} {p.number ?? ""}
                  {p.date ? ` ngày ${formatDate(p.date)}` : ""}
                </Link>
              </h2>
              <p>
                {p.issuer ?? ""}
                {p.issuer && p.title ? " — " : ""}
                {p.title ?? ""}
              </p>
              <p className="muted small">
                Công khai từ ngày {formatDate(p.publishedAt.slice(0, 10))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
