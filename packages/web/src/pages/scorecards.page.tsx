import { api, apiUrl } from "../api/client.js";
import type { Scorecard } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { ScorecardTable } from "../components/scorecard-table.js";
import { ScopedHead, useDashboardScope } from "./dashboard-filters.js";

/**
 * Unit scorecards as of a date: for each lead unit the tasks it leads by status and the share
 * of the reports it owed that arrived on time; the same filters as the dashboard.
 */
export function ScorecardsPage() {
  const { asOf, scope, scopeKey } = useDashboardScope();
  const cards = useResource(`scorecards ${scopeKey}`, (signal) =>
    api<{ asOf: string; items: Scorecard[] }>("/api/scorecards", { query: scope, signal }),
  );

  const units = cards.data?.items.filter((c) => !c.group) ?? [];
  const groups = cards.data?.items.filter((c) => c.group) ?? [];
  const unitLink = (unitId: number) => apiUrl("/", { ...scope, lead: String(unitId) });

  return (
    <>
      <ScopedHead
        title="Đánh giá đơn vị"
        asOf={asOf}
        plan={scope.plan}
        exportPath="/api/scorecards/export"
      />
      <section className="card" aria-labelledby="cards-title">
        <h2 id="cards-title">Nhiệm vụ chủ trì và báo cáo định kỳ theo đơn vị</h2>
        <p className="muted">
          Báo cáo đúng hạn: số kỳ báo cáo của các nhiệm vụ thường xuyên đã nhận được (và được chấp
          nhận) đúng hạn, trên số kỳ đã đến hạn. Báo cáo sau nhắc: số ngày (trung vị) từ thư nhắc
          hạn báo cáo đầu tiên của một kỳ đến mỗi báo cáo đơn vị gửi sau thư đó.
        </p>
        <ErrorBox error={cards.error} />
        {cards.loading && !cards.data && <Loading />}
        {cards.data && cards.data.items.length === 0 && <Empty>Chưa có đơn vị chủ trì.</Empty>}
        {units.length > 0 && <ScorecardTable cards={units} unitLink={unitLink} />}
      </section>
      {groups.length > 0 && (
        <section className="card" aria-labelledby="groups-title">
          <h2 id="groups-title">Nhóm chủ trì chung, chưa tách thành đơn vị</h2>
          <p className="muted">
            Nhiệm vụ giao chung cho một nhóm (“Các bộ, ngành”, “Các địa phương”…) chưa gắn với đơn
            vị cụ thể nên không tính vào đánh giá của đơn vị nào.
          </p>
          <ScorecardTable cards={groups} unitLink={unitLink} groups />
        </section>
      )}
    </>
  );
}
