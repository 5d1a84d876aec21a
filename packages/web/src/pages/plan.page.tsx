import { fold } from "@giamsat/core";
import { api } from "../api/client.js";
import type { Page, PlanDetail, TaskSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { TaskTable } from "../components/task-table.js";
import { formatDate, isIsoDate, todayIso } from "../format/date.format.js";
import { STATUS_LABELS, STATUS_CODES } from "@giamsat/core";
import { Link } from "../router/link.js";
import { setQuery, useLocation } from "../router/router.js";

const LIMIT = 2000;

/** A plan: its appendices and groups, and the task table filtered by the URL's query. */
export function PlanPage({ id }: { id: string }) {
  const { query } = useLocation();
  const asOf = isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : todayIso();
  const status = query.get("status") ?? "";
  const appendix = query.get("appendix") ?? "";
  const q = query.get("q") ?? "";

  const plan = useResource(`plan ${id}`, (signal) =>
    api<PlanDetail>(`/api/plans/${id}`, { signal }),
  );
  const tasks = useResource(`tasks ${id} ${asOf}`, (signal) =>
    api<Page<TaskSummary & { appendixId?: number }>>("/api/tasks", {
      query: { plan: id, asOf, limit: LIMIT },
      signal,
    }),
  );

  const needle = fold(q);
  const shown = (tasks.data?.items ?? []).filter(
    (t) =>
      (!status || t.status === status) &&
      (!appendix || String(t.appendixId) === appendix) &&
      (!needle ||
        fold(`${t.number ?? ""} ${t.name} ${t.lead.map((o) => o.name).join(" ")}`).includes(
          needle,
        )),
  );
  const data = plan.data;

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
                {data.number ?? "Kế hoạch chưa có số"}
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
                  {a.taskCount !== undefined ? ` — ${a.taskCount} mục` : ""}
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
        </>
      )}

      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">Nhiệm vụ</h2>
        <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="p-q">Tìm kiếm</label>
            <input
              id="p-q"
              type="search"
              defaultValue={q}
              placeholder="Ví dụ: chuyen doi so"
              onChange={(e) => setQuery({ q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="p-status">Tình trạng</label>
            <select
              id="p-status"
              value={status}
              onChange={(e) => setQuery({ status: e.target.value })}
            >
              <option value="">Tất cả</option>
              {STATUS_CODES.map((code) => (
                <option key={code} value={code}>
                  {STATUS_LABELS[code]}
                </option>
              ))}
            </select>
          </div>
          {data && data.appendices.length > 1 && (
            <div className="field">
              <label htmlFor="p-appendix">Phụ lục</label>
              <select
                id="p-appendix"
                value={appendix}
                onChange={(e) => setQuery({ appendix: e.target.value })}
              >
                <option value="">Tất cả phụ lục</option>
                {data.appendices
                  .filter((a) => a.kind === "tasks")
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title.slice(0, 60)}
                    </option>
                  ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="p-asof">Tính đến ngày</label>
            <input
              id="p-asof"
              type="date"
              value={asOf}
              onChange={(e) => setQuery({ asOf: e.target.value })}
            />
          </div>
        </form>
        <ErrorBox error={tasks.error} />
        {tasks.loading && !tasks.data && <Loading />}
        {tasks.data && (
          <p className="muted" role="status">
            Hiển thị {shown.length} / {tasks.data.total} nhiệm vụ
            {tasks.data.total > tasks.data.items.length
              ? ` (đã tải ${tasks.data.items.length} nhiệm vụ đầu)`
              : ""}
          </p>
        )}
        {tasks.data && shown.length === 0 && <Empty>Không có nhiệm vụ nào khớp bộ lọc.</Empty>}
        {shown.length > 0 && (
          <TaskTable tasks={shown} asOf={asOf} caption="Danh sách nhiệm vụ của kế hoạch" />
        )}
      </section>
    </>
  );
}
