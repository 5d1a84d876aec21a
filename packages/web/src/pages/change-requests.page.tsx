import { useResource } from "../api/use-resource.js";
import { ChangeRequestList } from "../components/change-request-list.js";
import {
  ChangeRequestTaskTitle,
  loadChangeRequestsWithTasks,
} from "../components/change-request-tasks.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { CHANGE_STATUS } from "../format/change-request.format.js";
import { setQuery, useLocation } from "../router/router.js";

type Status = keyof typeof CHANGE_STATUS;
const isStatus = (s: string | null): s is Status => !!s && s in CHANGE_STATUS;

/** "Đề xuất điều chỉnh": change requests by status, oldest first; a leader decides here. */
export function ChangeRequestsPage() {
  const { query } = useLocation();
  const raw = query.get("trang-thai");
  const status: Status = isStatus(raw) ? raw : "proposed";
  const data = useResource(`change-requests ${status}`, (signal) =>
    loadChangeRequestsWithTasks(status, signal),
  );

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
            title={(c) => (
              <ChangeRequestTaskTitle request={c} task={data.data?.byId.get(c.taskId)} />
            )}
          />
        </section>
      )}
    </>
  );
}
