import { vietnamDay } from "@giamsat/core";
import { useState } from "react";
import { api } from "../api/client.js";
import type { Inbox, InboxItem, InboxShow } from "../api/types.js";
import { usePlanLabels } from "../api/use-plan-labels.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { BulkReportBar } from "../components/bulk-report-bar.js";
import { Empty, ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { InboxItemRow } from "../components/inbox-item.js";
import { SearchField } from "../components/list-filters.js";
import { Pager } from "../components/pager.js";
import { formatDate } from "../format/date.format.js";
import { setQuery, useLocation } from "../router/router.js";
import { IndicatorDueSection } from "../indicators/indicator-due-section.js";
import { SignoffNotice } from "../signoff/signoff-notice.js";

const PAGE_SIZE = 20;

const SHOWS: { show: InboxShow; label: string }[] = [
  { show: "all", label: "Tất cả" },
  { show: "to_report", label: "Phải báo cáo kỳ này" },
  { show: "returned", label: "Bị trả lại" },
  { show: "overdue", label: "Quá hạn" },
];
/** A task can join a report sent for several: it owes one, and was not returned (that needs a correction). */
const canBulk = (item: InboxItem) => item.toReport && !item.returned;
const isShow = (value: string | null): value is InboxShow => SHOWS.some((s) => s.show === value);

/**
 * "Việc của đơn vị": the unit's open tasks with the report each owes this period, searched
 * (diacritics optional), filtered and paged on the server; the URL carries the view.
 */
export function InboxPage() {
  const user = useUser();
  const { query } = useLocation();
  const asOf = vietnamDay();
  const q = query.get("q") ?? "";
  const show = isShow(query.get("show")) ? (query.get("show") as InboxShow) : "all";
  const plan = query.get("plan") ?? "";
  const kind = query.get("kind") ?? "";
  const page = Math.max(1, Number(query.get("trang")) || 1);
  const filter = { asOf, q, show, plan, kind, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };

  const inbox = useResource(`inbox ${JSON.stringify(filter)}`, (signal) =>
    api<Inbox>("/api/inbox", { query: filter, signal }),
  );
  const planNames = usePlanLabels();

  const [chosen, setChosen] = useState<Map<number, InboxItem>>(new Map());
  const [sent, setSent] = useState<{ count: number; awaitingSignoff: boolean } | null>(null);
  const choose = (item: InboxItem, on: boolean) =>
    setChosen((before) => {
      const next = new Map(before);
      if (on) next.set(item.task.id, item);
      else next.delete(item.task.id);
      return next;
    });

  const data = inbox.data;
  const choosable = data?.items.filter(canBulk) ?? [];
  const allChosen = choosable.length > 0 && choosable.every((i) => chosen.has(i.task.id));
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Việc của đơn vị</h1>
          <p className="subtitle">
            {user.org?.name ?? ""} · ngày {formatDate(asOf)}
          </p>
        </div>
      </div>
      <nav className="segmented" aria-label="Lọc việc của đơn vị">
        {SHOWS.map((s) => (
          <button
            key={s.show}
            type="button"
            className="secondary"
            aria-pressed={show === s.show}
            onClick={() => setQuery({ show: s.show === "all" ? null : s.show, trang: null })}
          >
            {s.label}
            {data ? ` (${data.counts[s.show]})` : ""}
          </button>
        ))}
      </nav>
      <form className="card filters" aria-label="Tìm và lọc" onSubmit={(e) => e.preventDefault()}>
        <SearchField id="i-q" />
        <div className="field">
          <label htmlFor="i-plan">Kế hoạch</label>
          <select
            id="i-plan"
            value={plan}
            onChange={(e) => setQuery({ plan: e.target.value, trang: null })}
          >
            <option value="">Tất cả kế hoạch</option>
            {[...planNames].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="i-kind">Loại nhiệm vụ</label>
          <select
            id="i-kind"
            value={kind}
            onChange={(e) => setQuery({ kind: e.target.value, trang: null })}
          >
            <option value="">Tất cả</option>
            <option value="time-bound">Có thời hạn</option>
            <option value="recurring">Thường xuyên</option>
          </select>
        </div>
      </form>
      <StatusRegion focusOn={sent}>
        {sent !== null && (
          <p className="alert success">
            {`Đã gửi ${sent.count} báo cáo, đang chờ ${sent.awaitingSignoff ? "lãnh đạo đơn vị ký duyệt" : "cơ quan theo dõi duyệt"}.`}
          </p>
        )}
      </StatusRegion>
      <SignoffNotice />
      <IndicatorDueSection />
      <ErrorBox error={inbox.error} />
      {inbox.loading && !data && <Loading />}
      {data && (
        <section aria-labelledby="inbox-title">
          <h2 id="inbox-title" className="sr-only">
            Danh sách việc
          </h2>
          <p className="muted" role="status">
            {data.total} nhiệm vụ · còn {data.counts.to_report} nhiệm vụ phải gửi báo cáo kỳ này
            {pages > 1 ? ` · trang ${page}/${pages}` : ""}
          </p>
          {data.items.length === 0 && <Empty>Không có nhiệm vụ nào khớp bộ lọc.</Empty>}
          {data.items.length > 0 && (
            <div className="table-wrap cards">
              <table data-testid="inbox-table" className="inbox-table">
                <thead>
                  <tr>
                    <th className="pick">
                      {choosable.length > 0 && (
                        <input
                          type="checkbox"
                          checked={allChosen}
                          aria-label="Chọn mọi nhiệm vụ phải báo cáo trên trang này"
                          onChange={(e) => choosable.forEach((i) => choose(i, e.target.checked))}
                        />
                      )}
                    </th>
                    <th>Nhiệm vụ</th>
                    <th>Thời hạn, tình trạng</th>
                    <th>Báo cáo kỳ này</th>
                    <th className="inbox-action">Thao tác</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <InboxItemRow
                      key={item.task.id}
                      item={item}
                      planName={planNames.get(item.task.planId)}
                      selection={
                        canBulk(item)
                          ? {
                              checked: chosen.has(item.task.id),
                              onChange: (on) => choose(item, on),
                            }
                          : undefined
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} pages={pages} />
        </section>
      )}
      {chosen.size > 0 && (
        <BulkReportBar
          chosen={[...chosen.values()]}
          onClear={() => setChosen(new Map())}
          onSent={(count, awaitingSignoff) => {
            setChosen(new Map());
            setSent({ count, awaitingSignoff });
            inbox.reload();
          }}
        />
      )}
    </>
  );
}
