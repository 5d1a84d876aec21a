import { api } from "../api/client.js";
import type { Page, PlanDetail, TaskSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { SORT_KEYS, TaskTable } from "../components/task-table.js";
import type { SortKey } from "../components/task-table.js";
import { formatDate, isIsoDate } from "../format/date.format.js";
import { vietnamDay } from "@giamsat/core";
import { Link } from "../router/link.js";
import { setQuery, useLocation } from "../router/router.js";
import { useDocumentTitle } from "../router/use-document-title.js";
import { AsOfField, SearchField, StatusField } from "../components/list-filters.js";
import { ExportLink } from "../components/export-link.js";
import { Pager } from "../components/pager.js";
import { planLabel } from "../format/plan.format.js";
import { IndicatorTable } from "../indicators/indicator-table.js";
import { PlanPublishing } from "../components/plan-publishing.js";
import { PlanTracking } from "../components/plan-tracking.js";
import { useUser } from "../auth/session.js";

const PAGE_SIZE = 200;

/** A plan: its appendices and groups, and its tasks filtered (on the server) by the URL's query. */
export function PlanPage({ id }: { id: string }) {
  const { role } = useUser();
  const { query } = useLocation();
  const asOf = isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : vietnamDay();
  const status = query.get("status") ?? "";
  const q = query.get("q") ?? "";
  const appendix = query.get("appendix") ?? "";
  const leader = query.get("leader") ?? "";
  const page = Math.max(1, Number(query.get("trang")) || 1);
  const sortParam = query.get("sort") as SortKey | null;
  const sort = {
    key: sortParam && SORT_KEYS.includes(sortParam) ? sortParam : "number",
    desc: query.get("dir") === "desc",
  } as const;
  const filter = {
    plan: id,
    appendix,
    leader,
    asOf,
    status,
    q,
    orderBy: sort.key,
    dir: sort.desc ? "desc" : "asc",
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };

  const plan = useResource(`plan ${id}`, (signal) =>
    api<PlanDetail>(`/api/plans/${id}`, { signal }),
  );
  const tasks = useResource(`tasks ${JSON.stringify(filter)}`, (signal) =>
    api<Page<TaskSummary>>("/api/tasks", { query: filter, signal }),
  );

  const shown = tasks.data?.items ?? [];
  const total = tasks.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const data = plan.data;
  useDocumentTitle(data ? `Kế hoạch ${planLabel(data)}` : null);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/ke-hoach">Kế hoạch</Link> ›
      </p>
      <ErrorBox error={plan.error} />
      {plan.loading && !data && <Loading />}
      {data && (
        <>
          <div className="page-head">
            <div>
              <h1>
                {planLabel(data)}
                {data.date ? ` ngày ${formatDate(data.date)}` : ""}
              </h1>
              <p className="subtitle">
                {data.issuer ?? ""} — {data.title ?? ""}
              </p>
            </div>
            <Link className="button secondary" to={`/?plan=${id}&asOf=${asOf}`}>
              Tổng quan kế hoạch
            </Link>
          </div>
          <section className="card" aria-labelledby="appendices-title">
            <h2 id="appendices-title">Phụ lục và nhóm nhiệm vụ</h2>
            {data.appendices.map((a) => (
              <details key={a.id}>
                <summary>
                  {a.title} {a.kind === "indicators" ? "(chỉ tiêu)" : ""}
                </summary>
                {a.groups.length ? (
                  <ul>
                    {a.groups.map((g) => (
                      <li key={g.path.join("/")}>
                        {g.number}. {g.title}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Phụ lục không chia nhóm.</p>
                )}
              </details>
            ))}
          </section>
          <PlanTracking plan={data} editable={role === "monitor"} onSaved={plan.reload} />
          <PlanPublishing plan={data} editable={role === "monitor"} onSaved={plan.reload} />
          {data.appendices.some((a) => a.kind === "indicators") && (
            <section aria-labelledby="indicators-title">
              <h2 id="indicators-title">Chỉ tiêu tại ngày {formatDate(asOf)}</h2>
              {role === "monitor" && (
                <p>
                  <Link to={`/chi-tieu/nhap-gia-tri?plan=${id}`}>Nhập giá trị từ Excel</Link>
                </p>
              )}
              <IndicatorTable plan={id} asOf={asOf} />
            </section>
          )}
        </>
      )}

      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">Nhiệm vụ</h2>
        <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <SearchField id="p-q" label="Tìm kiếm" placeholder="Ví dụ: chuyen doi so" />
          {data && data.appendices.length > 1 && (
            <div className="field">
              <label htmlFor="p-appendix">Phụ lục</label>
              <select
                id="p-appendix"
                value={appendix}
                onChange={(e) => setQuery({ appendix: e.target.value, trang: null })}
              >
                <option value="">Tất cả phụ lục</option>
                {data.appendices.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <StatusField id="p-status" status={status} all="Tất cả" />
          <AsOfField id="p-asof" asOf={asOf} />
        </form>
        <ErrorBox error={tasks.error} />
        {tasks.loading && !tasks.data && <Loading />}
        {tasks.data && (
          <p className="muted" role="status">
            {total} nhiệm vụ khớp bộ lọc
            {leader ? ` · lãnh đạo chỉ đạo: ${leader}` : ""}
            {pages > 1 ? ` · trang ${page}/${pages}` : ""}
          </p>
        )}
        {tasks.data && total > 0 && <ExportLink path="/api/tasks/export" query={filter} />}
        {tasks.data && shown.length === 0 && <Empty>Không có nhiệm vụ nào khớp bộ lọc.</Empty>}
        {shown.length > 0 && (
          <TaskTable
            tasks={shown}
            asOf={asOf}
            caption="Danh sách nhiệm vụ của kế hoạch"
            sort={sort}
            onSort={(next) =>
              setQuery({
                sort: next.key === "number" ? null : next.key,
                dir: next.desc ? "desc" : null,
                trang: null,
              })
            }
          />
        )}
        <Pager page={page} pages={pages} />
      </section>
    </>
  );
}
