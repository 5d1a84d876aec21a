import { isStatusCode, STATUS_LABELS, vietnamDay } from "@giamsat/core";
import { api } from "../api/client.js";
import type { Page, TaskSummary } from "../api/types.js";
import { usePlanLabels } from "../api/use-plan-labels.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { AsOfField, SearchField, StatusField } from "../components/list-filters.js";
import { ExportLink } from "../components/export-link.js";
import { Pager } from "../components/pager.js";
import { SORT_KEYS, TaskTable } from "../components/task-table.js";
import type { SortKey } from "../components/task-table.js";
import { formatDate, isIsoDate } from "../format/date.format.js";
import { setQuery, useLocation } from "../router/router.js";

const PAGE_SIZE = 100;

/** A text search counts its matches up to a cap (`totalCapped`: more than `total`). */
type TaskPage = Page<TaskSummary> & { totalCapped: boolean };

/**
 * Every plan's tasks in one list — where the dashboard's status cards lead when it shows all
 * plans: filtered by status as of a date (and the dashboard's lead unit and leader), each task
 * with its plan; sorted and paged on the server.
 */
export function TasksPage() {
  const { query } = useLocation();
  const asOf = isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : vietnamDay();
  const status = isStatusCode(query.get("status") ?? "") ? (query.get("status") as string) : "";
  const lead = query.get("lead") ?? "";
  const leader = query.get("leader") ?? "";
  const q = query.get("q") ?? "";
  const page = Math.max(1, Number(query.get("trang")) || 1);
  const sortParam = query.get("sort") as SortKey | null;
  const sort = {
    key: sortParam && SORT_KEYS.includes(sortParam) ? sortParam : "deadline",
    desc: query.get("dir") === "desc",
  } as const;
  const filter = {
    asOf,
    status,
    lead,
    leader,
    q,
    orderBy: sort.key,
    dir: sort.desc ? "desc" : "asc",
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const tasks = useResource(`all tasks ${JSON.stringify(filter)}`, (signal) =>
    api<TaskPage>("/api/tasks", { query: filter, signal }),
  );
  const planLabels = usePlanLabels();
  const total = tasks.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Nhiệm vụ của mọi kế hoạch</h1>
          <p className="subtitle">
            {status && isStatusCode(status) ? STATUS_LABELS[status] : "Mọi tình trạng"} · tính đến
            ngày {formatDate(asOf)}
            {leader ? ` · lãnh đạo chỉ đạo: ${leader}` : ""}
          </p>
        </div>
        <ExportLink path="/api/tasks/export" query={filter} />
      </div>
      <form className="card filters" aria-label="Bộ lọc" onSubmit={(e) => e.preventDefault()}>
        <SearchField id="t-q" />
        <StatusField id="t-status" status={status} all="Mọi tình trạng" />
        <AsOfField id="t-asof" asOf={asOf} />
      </form>
      <ErrorBox error={tasks.error} />
      {tasks.loading && !tasks.data && <Loading />}
      {tasks.data && (
        <p className="muted" role="status">
          {tasks.data.totalCapped
            ? `Hơn ${total.toLocaleString("vi-VN")} nhiệm vụ khớp bộ lọc · trang ${page}`
            : `${total} nhiệm vụ khớp bộ lọc${pages > 1 ? ` · trang ${page}/${pages}` : ""}`}
        </p>
      )}
      {tasks.data && tasks.data.items.length === 0 && (
        <Empty>Không có nhiệm vụ nào khớp bộ lọc.</Empty>
      )}
      {tasks.data && tasks.data.items.length > 0 && (
        <TaskTable
          tasks={tasks.data.items}
          asOf={asOf}
          caption="Nhiệm vụ của mọi kế hoạch"
          planLabels={planLabels}
          sort={sort}
          onSort={(next) =>
            setQuery({
              sort: next.key === "deadline" ? null : next.key,
              dir: next.desc ? "desc" : null,
              trang: null,
            })
          }
        />
      )}
      <Pager page={page} pages={pages} />
    </>
  );
}
