import { api } from "../api/client.js";
import type { ChangeRequestView, TaskDetail } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { ChangeRequestList } from "../components/change-request-list.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { CHANGE_STATUS } from "../format/change-request.format.js";
import { Link } from "../router/link.js";
import { setQuery, useLocation } from "../router/router.js";

type Status = "proposed" | "approved" | "rejected";
const isStatus = (s: string | null): s is Status => !!s && s in CHANGE_STATUS;

/** The tasks named by the requests (plan number, task number, name), loaded in parallel. */
async function loadWithTasks(status: Status, signal: AbortSignal) {
  const { items } = await api<{ items: ChangeRequestView[] }>("/api/change-requests", {
    query: { status },
    signal,
  });
  const ids = [...new Set(items.map((c) => c.taskId))];
  const tasks = await Promise.all(
    ids.map((id) => api<TaskDetail>(`/api/tasks/${id}`, { signal }).catch(() => null)),
  );
  const byId = new Map(tasks.filter((t) => t !== null).map((t) => [t.id, t]));
  return { items, byId };
}

/** "Đề xuất điều chỉnh": change requests by status, oldest first; a leader decides here. */
export function ChangeRequestsPage() {
  const { query } = useLocation();
  const raw = query.get("trang-thai");
  const status: Status = isStatus(raw) ? raw : "proposed";
  const data = useResource(`change-requests ${status}`, (signal) => loadWithTasks(status, signal));

  return (
    <>
      <div className="page-head">
        <h1>Đề xuất điều chỉnh nhiệm vụ</h1>
      </div>
      <div className="filters cr-filters">
        <div className="field">
          <label htmlFor="cr-status">Trạng thái</label>
          <select
            id="cr-status"
            value={status}
            onChange={(e) => setQuery({ "trang-thai": e.target.value })}
          >
            {Object.entries(CHANGE_STATUS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBox error={data.error} />
      {!data.data && !data.error && <Loading />}
      {data.data && data.data.items.length === 0 && <Empty>Không có đề xuất nào.</Empty>}
      {data.data && data.data.items.length > 0 && (
        <section className="card">
          <ChangeRequestList
            requests={data.data.items}
            onDecided={data.reload}
            title={(c) => {
              const t = data.data?.byId.get(c.taskId);
              return (
                <h2 className="cr-task">
                  <Link to={`/nhiem-vu/${c.taskId}`}>
                    {t
                      ? `${t.planNumber ? `${t.planNumber} – ` : ""}Nhiệm vụ ${t.number ?? ""}: ${t.name}`
                      : `Nhiệm vụ số hiệu ${c.taskId}`}
                  </Link>
                </h2>
              );
            }}
          />
        </section>
      )}
    </>
  );
}
