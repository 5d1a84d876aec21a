import { formatIndicatorNumber, formatIndicatorPeriod } from "@giamsat/core";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { Pager } from "../components/pager.js";
import { Link } from "../router/link.js";
import { AchievementBar } from "./achievement-bar.js";
import { formatValue } from "./indicator.format.js";
import type { IndicatorItem } from "./indicator.types.js";
import { WarningChip } from "./warning-chip.js";

const PAGE_SIZE = 100;

/**
 * Indicators (a plan's appendix, or every plan's, optionally of one warning level): target,
 * latest value, achievement, warning and projection.
 */
export function IndicatorTable({
  plan,
  warning = null,
  asOf,
  page,
}: {
  plan: string | null;
  warning?: string | null;
  asOf: string;
  /** the page (of PAGE_SIZE) of a long list, with a pager; without it, one plan's whole list */
  page?: number;
}) {
  const query = page
    ? { plan, warning, asOf, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }
    : { plan, warning, asOf, limit: 1000 };
  const list = useResource(`indicators ${JSON.stringify(query)}`, (signal) =>
    api<{ items: IndicatorItem[]; total: number }>("/api/indicators", { query, signal }),
  );
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  if (list.error) return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0)
    return (
      <Empty>
        {warning
          ? "Không có chỉ tiêu nào ở mức cảnh báo này."
          : plan
            ? "Kế hoạch không có chỉ tiêu trong phạm vi của bạn."
            : "Chưa có chỉ tiêu nào trong phạm vi của bạn."}
      </Empty>
    );
  return (
    <>
      {page && (
        <p className="muted" role="status">
          {list.data.total} chỉ tiêu{pages > 1 ? ` · trang ${page}/${pages}` : ""}
        </p>
      )}
      <div className="table-wrap">
        <table className="indicator-table">
          <thead>
            <tr>
              <th scope="col">TT</th>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col">Chỉ tiêu năm</th>
              <th scope="col">Mới nhất</th>
              <th scope="col">Mức đạt</th>
              <th scope="col">Cảnh báo</th>
              <th scope="col">Dự báo</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((i) => {
              const target = i.targets.at(-1);
              return (
                <tr key={i.id}>
                  <td>{i.number ?? ""}</td>
                  <td>
                    <Link to={`/chi-tieu/${i.id}?asOf=${asOf}`}>{i.name}</Link>
                    <div className="muted small">
                      {i.responsible?.name ?? "Chưa rõ đơn vị chủ trì"}
                    </div>
                  </td>
                  <td>
                    {target
                      ? `${target.raw}${i.unit && i.unit !== "%" ? ` ${i.unit}` : (i.unit ?? "")}`
                      : "—"}
                    {target && (
                      <div className="muted small">{formatIndicatorPeriod(target.period)}</div>
                    )}
                  </td>
                  <td>
                    {i.latest ? formatValue(i.current, i.unit) : "—"}
                    {i.latest && (
                      <div className="muted small">{formatIndicatorPeriod(i.latest.period)}</div>
                    )}
                  </td>
                  <td>
                    <AchievementBar share={i.achievement} />
                  </td>
                  <td>
                    <WarningChip warning={i.warning} reason={i.warningText} />
                  </td>
                  <td>
                    {i.projection
                      ? `${formatIndicatorNumber(i.projection.value)} (${formatIndicatorNumber(i.projection.low)}–${formatIndicatorNumber(i.projection.high)})`
                      : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {page && <Pager page={page} pages={pages} />}
    </>
  );
}
