import { api } from "../api/client.js";
import type { PlanSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { canMonitor, useUser } from "../auth/session.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { formatDate } from "../format/date.format.js";
import { Link } from "../router/link.js";
import { planLabel } from "../format/plan.format.js";

export function PlansPage() {
  const user = useUser();
  const plans = useResource("plans", (signal) =>
    api<{ items: PlanSummary[] }>("/api/plans", { signal }),
  );
  return (
    <>
      <div className="page-head">
        <h1>Kế hoạch</h1>
        {canMonitor(user.role) && (
          <Link className="button" to="/nhap">
            Nhập kế hoạch mới
          </Link>
        )}
      </div>
      <ErrorBox error={plans.error} />
      {plans.loading && <Loading />}
      {plans.data && plans.data.items.length === 0 && <Empty>Chưa có kế hoạch nào.</Empty>}
      {plans.data && plans.data.items.length > 0 && (
        <div className="table-wrap cards">
          <table>
            <thead>
              <tr>
                <th>Số hiệu</th>
                <th>Ngày ban hành</th>
                <th>Cơ quan ban hành</th>
                <th>Trích yếu</th>
                <th className="num">Nhiệm vụ</th>
                <th>Tổng quan</th>
              </tr>
            </thead>
            <tbody>
              {plans.data.items.map((p) => (
                <tr key={p.id}>
                  <td className="nowrap">
                    <Link to={`/ke-hoach/${p.id}`}>{planLabel(p)}</Link>
                  </td>
                  <td data-label="Ngày">{formatDate(p.date)}</td>
                  <td data-label="Ban hành">{p.issuer ?? "—"}</td>
                  <td>
                    <Link to={`/ke-hoach/${p.id}`}>{p.title ?? "(không có trích yếu)"}</Link>
                  </td>
                  <td className="num" data-label="Nhiệm vụ">
                    {p.taskCount ?? "—"}
                  </td>
                  <td>
                    <Link to={`/?plan=${p.id}`}>Xem tổng quan</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
