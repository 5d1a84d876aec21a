import { STATUS_CODES } from "@giamsat/core";
import type { PublicPlanDetailView } from "@giamsat/server/api";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { formatDate } from "../format/date.format.js";
import { Link } from "../router/link.js";
import { PublicFeedback, PublicIndicators, PublicLateUnits } from "./public-plan-sections.js";
import { PublicTableCard } from "./public-table-card.js";

/**
 * `/cong-khai/:id`: a published plan's progress as of today by the Government Office's
 * statuses, its overdue tasks with their lead units and what the units said (reason, new
 * date), the units late in reporting, its indicators, the published PAKN answers, and its
 * open data by month.
 */
export function PublicPlanPage({ id }: { id: string }) {
  const detail = useResource(`public plan ${id}`, (signal) =>
    api<PublicPlanDetailView>(`/api/public/plans/${id}`, { signal }),
  );
  const d = detail.data;
  const month = d?.asOf.slice(0, 7);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cong-khai">Kế hoạch được công khai</Link> ›
      </p>
      <ErrorBox error={detail.error} />
      {detail.loading && !d && <Loading />}
      {d && (
        <>
          <h1>
            {d.plan.kind ?? "Kế hoạch"} {d.plan.number ?? ""}
          </h1>
          <p className="subtitle">
            {d.plan.title ?? ""} · tính đến ngày {formatDate(d.asOf)}
          </p>
          <section aria-labelledby="public-counts">
            <h2 id="public-counts">Tình hình thực hiện ({d.total} nhiệm vụ)</h2>
            <div className="stat-grid" data-testid="public-counts">
              {STATUS_CODES.map((code) => (
                <div key={code} className={`stat s-${code}`} data-status={code}>
                  <span className="value">{d.counts[code] ?? 0}</span>
                  <span className="label">{d.labels[code]}</span>
                </div>
              ))}
            </div>
          </section>
          <PublicTableCard
            id="public-overdue"
            title={`Nhiệm vụ chưa hoàn thành – quá hạn (${d.overdueTotal})`}
            testId="public-overdue"
            count={d.overdue.length}
            empty="Không có nhiệm vụ quá hạn."
            head={
              <>
                <th className="num">STT</th>
                <th>Nhiệm vụ</th>
                <th>Đơn vị chủ trì</th>
                <th>Thời hạn</th>
                <th className="num">Số ngày quá hạn</th>
                <th>Lý do đơn vị nêu</th>
                <th>Thời hạn mới đơn vị đề xuất</th>
              </>
            }
          >
            {d.overdue.map((t, i) => (
              <tr key={i}>
                <td className="num" data-label="STT">
                  {t.number ?? "—"}
                  <div className="muted small">{t.appendix}</div>
                </td>
                <td className="task-name">{t.name}</td>
                <td data-label="Đơn vị chủ trì">{t.leadUnits.join("; ") || "—"}</td>
                <td data-label="Thời hạn">{t.deadline}</td>
                <td className="num" data-label="Số ngày quá hạn">
                  {t.daysOverdue ?? "—"}
                </td>
                <td data-label="Lý do đơn vị nêu">{t.reason || "Chưa báo cáo"}</td>
                <td data-label="Thời hạn mới đơn vị đề xuất">
                  {t.newDate ? formatDate(t.newDate) : "—"}
                </td>
              </tr>
            ))}
          </PublicTableCard>
          <PublicLateUnits units={d.lateUnits} />
          <PublicIndicators items={d.indicators} />
          <PublicFeedback feedback={d.feedback} />
          {month && (
            <p>
              Dữ liệu mở tháng {month.slice(5)}/{month.slice(0, 4)}:{" "}
              <a href={`/api/public/plans/${d.plan.id}/data/${month}.csv`} download>
                CSV
              </a>{" "}
              ·{" "}
              <a href={`/api/public/plans/${d.plan.id}/data/${month}.json`} download>
                JSON
              </a>
            </p>
          )}
        </>
      )}
    </>
  );
}
