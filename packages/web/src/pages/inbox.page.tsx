import { api } from "../api/client.js";
import type { Inbox } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { OrgNames } from "../components/org-names.js";
import { StatusChip } from "../components/status-chip.js";
import { formatDate, formatDateTime, todayIso } from "../format/date.format.js";
import { formatDeadline } from "../format/deadline.format.js";
import { Link } from "../router/link.js";

const dueOrder = (due: string | null) => due ?? "9999-12-31";

/** "Việc của đơn vị": what the unit must do, soonest deadline first, and what came back. */
export function InboxPage() {
  const user = useUser();
  const asOf = todayIso();
  const inbox = useResource(`inbox ${asOf}`, (signal) =>
    api<Inbox>("/api/inbox", { query: { asOf }, signal }),
  );
  const data = inbox.data;
  const tasks = [...(data?.tasks ?? [])].sort((a, b) =>
    dueOrder(a.deadline.due).localeCompare(dueOrder(b.deadline.due)),
  );
  const pending = tasks.filter((t) => !t.reportedThisPeriod);

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
            {data.periods.length === 0 && <p className="muted">Không có kỳ báo cáo nào đang mở.</p>}
            <ul>
              {data.periods.map((p) => (
                <li key={`${p.planId}-${p.periodKey}`}>
                  Kế hoạch {p.planNumber ?? ""}: {p.label} — hạn gửi{" "}
                  <strong>{formatDate(p.dueDate)}</strong>
                </li>
              ))}
            </ul>
            <p>
              Còn <strong>{pending.length}</strong> / {tasks.length} nhiệm vụ chưa gửi báo cáo kỳ
              này.
            </p>
          </section>

          <section className="card" aria-labelledby="returned-title">
            <h2 id="returned-title">Báo cáo bị trả lại ({data.returned.length})</h2>
            {data.returned.length === 0 && <Empty>Không có báo cáo bị trả lại.</Empty>}
            <ul className="timeline">
              {data.returned.map((r) => (
                <li key={r.id} className="returned">
                  <Link to={`/nhiem-vu/${r.task.id}`}>
                    {r.task.number ? `Nhiệm vụ ${r.task.number}: ` : ""}
                    {r.task.name}
                  </Link>
                  <p className="muted">
                    Kỳ {r.period} · gửi {formatDateTime(r.submittedAt)}
                  </p>
                  {r.reviews
                    .filter((v) => v.decision === "return")
                    .map((v, i) => (
                      <p key={i} className="alert error">
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
            <h2 id="tasks-title">Nhiệm vụ của đơn vị theo thời hạn ({tasks.length})</h2>
            {tasks.length === 0 && <Empty>Đơn vị chưa được giao nhiệm vụ nào.</Empty>}
            {tasks.length > 0 && (
              <div className="table-wrap cards">
                <table data-testid="inbox-table">
                  <thead>
                    <tr>
                      <th>Nhiệm vụ</th>
                      <th>Chủ trì</th>
                      <th>Thời hạn</th>
                      <th>Tình trạng</th>
                      <th>Kỳ này</th>
                    </tr>
                  </thead>
                  <tbody>
                    {tasks.map((t) => (
                      <tr key={t.id}>
                        <td className="task-name">
                          <Link to={`/nhiem-vu/${t.id}`}>
                            {t.planNumber ? `${t.planNumber} · ` : ""}
                            {t.number ? `${t.number}. ` : ""}
                            {t.name}
                          </Link>
                        </td>
                        <td data-label="Chủ trì">
                          <OrgNames orgs={t.lead} />
                        </td>
                        <td className="nowrap" data-label="Thời hạn">
                          {formatDeadline(t.deadline)}
                        </td>
                        <td data-label="Tình trạng">
                          <StatusChip status={t.status} days={t.daysOverdue} />
                        </td>
                        <td data-label="Kỳ này">
                          {t.reportedThisPeriod ? (
                            <span className="chip r-accepted">Đã gửi</span>
                          ) : (
                            <Link
                              className="button secondary"
                              to={`/nhiem-vu/${t.id}/bao-cao`}
                              aria-label={`Báo cáo nhiệm vụ ${t.number ?? ""}: ${t.name}`}
                            >
                              Báo cáo
                            </Link>
                          )}
                        </td>
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
