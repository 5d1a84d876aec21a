import { vietnamDay } from "@giamsat/core";
import { api } from "../api/client.js";
import type { DueReport, Inbox } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { formatDate, formatDateTime } from "../format/date.format.js";
import { REVIEW_STATE_LABELS } from "../format/status.format.js";
import { Link } from "../router/link.js";
import { TaskStateCells } from "../components/task-cells.js";

const taskTitle = (t: { number: string | null; name: string; planNumber: string | null }) =>
  `${t.planNumber ? `${t.planNumber} · ` : ""}${t.number ? `${t.number}. ` : ""}${t.name}`;

function DueState({ due }: { due: DueReport }) {
  if (due.report)
    return (
      <span className={`chip r-${due.report.status}`}>
        {REVIEW_STATE_LABELS[due.report.status] ?? due.report.status}
      </span>
    );
  return due.late ? (
    <span className="chip s-overdue">Quá hạn gửi</span>
  ) : (
    <span className="chip s-due_soon">Chưa gửi</span>
  );
}

/** "Việc của đơn vị": the reports owed this period, what came back, and open tasks by deadline. */
export function InboxPage() {
  const user = useUser();
  const asOf = vietnamDay();
  const inbox = useResource(`inbox ${asOf}`, (signal) =>
    api<Inbox>("/api/inbox", { query: { asOf }, signal }),
  );
  const data = inbox.data;
  const owed = data?.due.filter((d) => !d.report || d.report.status === "returned") ?? [];

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
      <ErrorBox error={inbox.error} />
      {inbox.loading && !data && <Loading />}
      {data && (
        <>
          <section className="card" aria-labelledby="due-title">
            <h2 id="due-title">Báo cáo kỳ này</h2>
            <p>
              Còn <strong>{owed.length}</strong> / {data.due.length} nhiệm vụ phải gửi báo cáo.
            </p>
            {data.due.length > 0 && (
              <div className="table-wrap cards">
                <table data-testid="due-table">
                  <thead>
                    <tr>
                      <th>Nhiệm vụ</th>
                      <th>Kỳ báo cáo</th>
                      <th>Hạn gửi</th>
                      <th>Tình trạng</th>
                      <th>Thao tác</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.due.map((d) => (
                      <tr key={d.task.id}>
                        <td className="task-name">
                          <Link to={`/nhiem-vu/${d.task.id}`}>{taskTitle(d.task)}</Link>
                        </td>
                        <td data-label="Kỳ">{d.period.label}</td>
                        <td className="nowrap" data-label="Hạn gửi">
                          {formatDate(d.period.dueDate)}
                        </td>
                        <td data-label="Tình trạng">
                          <DueState due={d} />
                        </td>
                        <td>
                          <Link
                            className="button secondary"
                            to={`/nhiem-vu/${d.task.id}/bao-cao`}
                            aria-label={`Báo cáo: ${taskTitle(d.task)}`}
                          >
                            Báo cáo
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="card" aria-labelledby="returned-title">
            <h2 id="returned-title">Báo cáo bị trả lại ({data.returned.length})</h2>
            {data.returned.length === 0 && <Empty>Không có báo cáo bị trả lại.</Empty>}
            <ul className="timeline">
              {data.returned.map((r) => (
                <li key={r.id} className="returned">
                  <Link to={`/nhiem-vu/${r.task.id}`}>{taskTitle(r.task)}</Link>
                  <p className="muted">
                    Kỳ {r.period} · gửi {formatDateTime(r.submittedAt)}
                  </p>
                  {r.reviews
                    .filter((v) => v.decision === "return")
                    .map((v) => (
                      <p key={v.id} className="alert error">
                        Lý do trả lại: {v.comment ?? "(không ghi)"}
                      </p>
                    ))}
                  <Link className="button" to={`/nhiem-vu/${r.task.id}/bao-cao`}>
                    Gửi lại báo cáo
                  </Link>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="tasks-title">
            <h2 id="tasks-title">Nhiệm vụ đang thực hiện, theo thời hạn ({data.tasks.length})</h2>
            {data.tasks.length === 0 && <Empty>Đơn vị không có nhiệm vụ đang mở.</Empty>}
            {data.tasks.length > 0 && (
              <div className="table-wrap cards">
                <table data-testid="inbox-table">
                  <thead>
                    <tr>
                      <th>Nhiệm vụ</th>
                      <th>Chủ trì</th>
                      <th>Thời hạn</th>
                      <th>Tình trạng</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.tasks.map((t) => (
                      <tr key={t.id}>
                        <td className="task-name">
                          <Link to={`/nhiem-vu/${t.id}`}>{taskTitle(t)}</Link>
                        </td>
                        <TaskStateCells task={t} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
