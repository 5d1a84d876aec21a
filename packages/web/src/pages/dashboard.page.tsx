import { useEffect, useRef } from "react";
import { api, apiUrl } from "../api/client.js";
import type { Page, Stats, TaskSummary, Trend } from "../api/types.js";
import { taskPlansLabel } from "../format/plan.format.js";
import { usePlanLabels } from "../api/use-plan-labels.js";
import { useResource } from "../api/use-resource.js";
import { StackedBarChart } from "../components/bar-chart.js";
import { announce } from "../components/announcer.js";
import { ErrorBox, Empty, Loading } from "../components/feedback.js";
import { LineChart } from "../components/line-chart.js";
import { formatDate, monthLabel } from "../format/date.format.js";
import { STATUS_LABELS, STATUS_CODES } from "@giamsat/core";
import { Link } from "../router/link.js";
import { ScopedHead, useDashboardScope } from "./dashboard-filters.js";
import { PendingChanges } from "../components/pending-changes.js";
import { TaskRow } from "../components/task-cells.js";
import { IndicatorTiles } from "../indicators/indicator-tiles.js";

const OVERDUE_LIMIT = 200;

/** The new figures, said after "Xem": the total and each status's count. */
const figuresSaid = (stats: Stats, asOf: string) =>
  `Đã cập nhật số liệu ngày ${formatDate(asOf)}: tổng số ${stats.total} nhiệm vụ; ` +
  STATUS_CODES.map((code) => `${STATUS_LABELS[code]}: ${stats.counts[code] ?? 0}`).join("; ") +
  ".";

const unitBar = (c: Record<string, number>) => ({
  overdue: c.overdue ?? 0,
  open: (c.in_time ?? 0) + (c.due_soon ?? 0),
  done: (c.done_on_time ?? 0) + (c.done_late ?? 0),
  other: (c.recurring ?? 0) + (c.no_deadline ?? 0),
});

/** The leader's view: counts by status as of a date, the overdue list, units and the trend. */
export function DashboardPage() {
  const { asOf, scope, scopeKey } = useDashboardScope();
  const stats = useResource(`stats ${scopeKey}`, (signal) =>
    api<Stats>("/api/stats", { query: scope, signal }),
  );
  const trend = useResource(`trend ${scopeKey}`, (signal) =>
    api<Trend>("/api/stats/trend", { query: scope, signal }),
  );
  const overdue = useResource(`overdue ${scopeKey}`, (signal) =>
    api<Page<TaskSummary>>("/api/overdue", { query: { ...scope, limit: OVERDUE_LIMIT }, signal }),
  );

  // after "Xem" (the filters' form is drawn anew, its button gone): once the new figures are in,
  // they are said through the live region and the keyboard goes to their heading
  const shown = useRef({ key: scopeKey, data: stats.data });
  const countsHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!stats.data || stats.loading) return;
    if (shown.current.key === scopeKey) {
      shown.current.data = stats.data;
      return;
    }
    if (stats.data === shown.current.data) return; // the old figures, before the new ones load
    shown.current = { key: scopeKey, data: stats.data };
    announce(figuresSaid(stats.data, asOf));
    countsHeading.current?.focus();
  }, [stats.data, stats.loading, scopeKey, asOf]);

  const counts = stats.data?.counts;
  const overdueItems = overdue.data?.items ?? [];
  const planLabels = usePlanLabels();
  // a plan's cards open its task list; over all plans, the list of every plan's tasks
  const statusLink = (status: string) =>
    scope.plan
      ? apiUrl(`/ke-hoach/${scope.plan}`, { asOf, status, leader: scope.leader })
      : apiUrl("/nhiem-vu", { asOf, status, lead: scope.lead, leader: scope.leader });

  return (
    <>
      <ScopedHead
        title="Tổng quan tình hình thực hiện"
        asOf={asOf}
        plan={scope.plan}
        exportPath="/api/stats/export"
      />
      <PendingChanges />

      <section aria-labelledby="counts-title">
        <h2 id="counts-title" ref={countsHeading} tabIndex={-1}>
          Số nhiệm vụ theo tình trạng
        </h2>
        <ErrorBox error={stats.error} />
        {!counts && stats.loading && <Loading />}
        {counts && (
          <div className="stat-grid" data-testid="status-counts">
            <div className="stat total">
              <span className="value">{stats.data?.total}</span>
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

      <IndicatorTiles plan={scope.plan} asOf={asOf} />

      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">
          Nhiệm vụ quá hạn ({overdue.data?.total ?? "…"}), quá hạn lâu nhất trước
        </h2>
        {overdue.data && overdue.data.total > overdueItems.length && (
          <p className="muted">
            Hiển thị {overdueItems.length} nhiệm vụ đầu.{" "}
            <Link to={statusLink("overdue")}>Xem tất cả</Link>
          </p>
        )}
        <ErrorBox error={overdue.error} />
        {overdue.loading && !overdue.data && <Loading />}
        {overdue.data && overdueItems.length === 0 && <Empty>Không có nhiệm vụ quá hạn.</Empty>}
        {overdueItems.length > 0 && (
          <div className="table-wrap cards">
            <table data-testid="overdue-table">
              <thead>
                <tr>
                  <th className="num">STT</th>
                  {!scope.plan && <th>Kế hoạch</th>}
                  <th>Nhiệm vụ</th>
                  <th>Đơn vị chủ trì</th>
                  <th>Thời hạn</th>
                  <th>Tình trạng</th>
                </tr>
              </thead>
              <tbody>
                {overdueItems.map((task) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    asOf={asOf}
                    planLabel={scope.plan ? undefined : taskPlansLabel(task, planLabels)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="units-title">
          <h2 id="units-title">Theo đơn vị chủ trì</h2>
          {stats.data && stats.data.byLead.length === 0 && <Empty>Chưa có dữ liệu.</Empty>}
          {stats.data && stats.data.byLead.length > 0 && (
            <StackedBarChart
              title="Số nhiệm vụ theo đơn vị chủ trì"
              series={[
                { key: "overdue", label: "Quá hạn", className: "bar-overdue" },
                { key: "open", label: "Trong hạn, sắp đến hạn", className: "bar-in_time" },
                { key: "done", label: "Đã hoàn thành", className: "bar-done" },
                { key: "other", label: "Thường xuyên, chưa xác định", className: "bar-other" },
              ]}
              rows={stats.data.byLead.map((b) => ({ label: b.name, values: unitBar(b.counts) }))}
            />
          )}
          {stats.data && stats.data.leadUnits > stats.data.byLead.length && (
            <p className="muted">
              {stats.data.byLead.length} trong {stats.data.leadUnits} đơn vị chủ trì, đơn vị có
              nhiều nhiệm vụ quá hạn nhất trước.
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="trend-title">
          <h2 id="trend-title">Diễn biến 6 tháng</h2>
          {trend.loading && !trend.data && <Loading />}
          <ErrorBox error={trend.error} />
          {trend.data && (
            <LineChart
              title="Số nhiệm vụ quá hạn và đã hoàn thành cuối mỗi tháng"
              series={[
                { key: "overdue", label: "Quá hạn", className: "line-overdue" },
                { key: "done", label: "Đã hoàn thành", className: "line-done" },
              ]}
              points={trend.data.months.map((p) => ({
                label: monthLabel(p.month),
                values: {
                  overdue: p.counts.overdue ?? 0,
                  done: (p.counts.done_on_time ?? 0) + (p.counts.done_late ?? 0),
                },
              }))}
            />
          )}
        </section>
      </div>
    </>
  );
}
