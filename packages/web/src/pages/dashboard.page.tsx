import { api } from "../api/client.js";
import type { Page, PlanSummary, Stats, TaskSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { StackedBarChart } from "../components/bar-chart.js";
import { ErrorBox, Empty, Loading } from "../components/feedback.js";
import { LineChart } from "../components/line-chart.js";
import { OrgNames } from "../components/org-names.js";
import { StatusChip } from "../components/status-chip.js";
import { formatDate, isIsoDate, monthEnds, monthLabel, todayIso } from "../format/date.format.js";
import { formatDeadline } from "../format/deadline.format.js";
import { STATUS_LABELS, STATUS_CODES } from "@giamsat/core";
import { Link } from "../router/link.js";
import { useLocation } from "../router/router.js";
import { DashboardFilters } from "./dashboard-filters.js";
import type { Scorecard } from "./dashboard-filters.js";

const TREND_MONTHS = 6;

/** The leader's view: counts by status as of a date, the overdue list, units and the trend. */
export function DashboardPage() {
  const { query } = useLocation();
  const asOf = isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : todayIso();
  const filter = { plan: query.get("plan"), lead: query.get("lead"), leader: query.get("leader") };
  const scope = { ...filter, asOf };
  const scopeKey = JSON.stringify(scope);

  const plans = useResource("plans", (signal) =>
    api<{ items: PlanSummary[] }>("/api/plans", { signal }),
  );
  const stats = useResource(`stats ${scopeKey}`, (signal) =>
    api<Stats>("/api/stats", { query: scope, signal }),
  );
  const overdue = useResource(`overdue ${scopeKey}`, (signal) =>
    api<Page<TaskSummary>>("/api/tasks", {
      query: { ...scope, status: "overdue", limit: 500 },
      signal,
    }),
  );
  const scorecards = useResource(`scorecards ${scopeKey}`, (signal) =>
    api<{ items: Scorecard[] }>("/api/scorecards", { query: { plan: filter.plan, asOf }, signal }),
  );
  const trend = useResource(`trend ${scopeKey}`, (signal) =>
    Promise.all(
      monthEnds(asOf, TREND_MONTHS).map((date) =>
        api<Stats>("/api/stats", { query: { ...scope, asOf: date }, signal }),
      ),
    ),
  );

  const plan = plans.data?.items.find((p) => String(p.id) === filter.plan);
  const counts = stats.data?.counts;
  const total = counts ? STATUS_CODES.reduce((sum, code) => sum + (counts[code] ?? 0), 0) : 0;
  const overdueItems = [...(overdue.data?.items ?? [])].sort(
    (a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0),
  );
  const statusLink = (status: string) =>
    filter.plan
      ? `/ke-hoach/${filter.plan}?asOf=${asOf}&status=${status}`
      : `/ke-hoach?asOf=${asOf}`;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Tổng quan tình hình thực hiện</h1>
          <p className="subtitle">
            {plan ? `${plan.number ?? ""} — ${plan.title ?? ""}` : "Tất cả kế hoạch"} · tính đến
            ngày {formatDate(asOf)}
          </p>
        </div>
      </div>
      <DashboardFilters
        plans={plans.data?.items ?? []}
        scorecards={scorecards.data?.items ?? []}
        asOf={asOf}
      />
      <ErrorBox error={plans.error} />

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">Số nhiệm vụ theo tình trạng</h2>
        <ErrorBox error={stats.error} />
        {!counts && stats.loading && <Loading />}
        {counts && (
          <div className="stat-grid" data-testid="status-counts">
            <div className="stat total">
              <span className="value">{total}</span>
              <span className="label">Tổng số nhiệm vụ</span>
            </div>
            {STATUS_CODES.map((code) => (
              <Link
                key={code}
                to={statusLink(code)}
                className={`stat s-${code}`}
                data-status={code}
              >
                <span className="value">{counts[code] ?? 0}</span>
                <span className="label">{STATUS_LABELS[code]}</span>
              </Link>
            ))}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">Nhiệm vụ quá hạn ({overdue.data?.total ?? "…"})</h2>
        <ErrorBox error={overdue.error} />
        {overdue.loading && !overdue.data && <Loading />}
        {overdue.data && overdueItems.length === 0 && <Empty>Không có nhiệm vụ quá hạn.</Empty>}
        {overdueItems.length > 0 && (
          <div className="table-wrap cards">
            <table data-testid="overdue-table">
              <thead>
                <tr>
                  <th className="num">STT</th>
                  <th>Nhiệm vụ</th>
                  <th>Đơn vị chủ trì</th>
                  <th>Thời hạn</th>
                  <th>Tình trạng</th>
                </tr>
              </thead>
              <tbody>
                {overdueItems.map((task) => (
                  <tr key={task.id}>
                    <td className="num" data-label="STT">
                      {task.number ?? "—"}
                    </td>
                    <td className="task-name">
                      <Link to={`/nhiem-vu/${task.id}?asOf=${asOf}`}>{task.name}</Link>
                    </td>
                    <td data-label="Chủ trì">
                      <OrgNames orgs={task.lead} />
                    </td>
                    <td className="nowrap" data-label="Thời hạn">
                      {formatDeadline(task.deadline)}
                    </td>
                    <td data-label="Tình trạng">
                      <StatusChip status={task.status} days={task.daysOverdue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="units-title">
          <h2 id="units-title">Theo đơn vị chủ trì</h2>
          <ErrorBox error={scorecards.error} />
          {scorecards.data && scorecards.data.items.length === 0 && <Empty>Chưa có dữ liệu.</Empty>}
          {scorecards.data && scorecards.data.items.length > 0 && (
            <StackedBarChart
              title="Số nhiệm vụ theo đơn vị chủ trì"
              series={[
                { key: "overdue", label: "Quá hạn", className: "bar-overdue" },
                { key: "open", label: "Trong hạn", className: "bar-in_time" },
                { key: "done", label: "Đã hoàn thành", className: "bar-done" },
              ]}
              rows={[...scorecards.data.items]
                .sort((a, b) => b.overdue - a.overdue || b.led - a.led)
                .slice(0, 12)
                .map((s) => ({
                  label: s.org.name,
                  values: { overdue: s.overdue, done: s.doneOnTime + s.doneLate, open: s.inTime },
                }))}
            />
          )}
        </section>
        <section className="card" aria-labelledby="trend-title">
          <h2 id="trend-title">Diễn biến theo tháng</h2>
          <ErrorBox error={trend.error} />
          {trend.data && (
            <LineChart
              title="Số nhiệm vụ quá hạn và đã hoàn thành theo tháng"
              series={[
                { key: "overdue", label: "Quá hạn", className: "line-overdue" },
                { key: "done", label: "Đã hoàn thành", className: "line-done" },
              ]}
              points={trend.data.map((s) => ({
                label: monthLabel(s.asOf),
                values: {
                  overdue: s.counts.overdue ?? 0,
                  done: (s.counts.done_on_time ?? 0) + (s.counts.done_late ?? 0),
                },
              }))}
            />
          )}
        </section>
      </div>
    </>
  );
}
