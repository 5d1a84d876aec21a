import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
} from "@giamsat/core";
import type { FeedbackItemView } from "@giamsat/server/api";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { formatDate } from "../format/date.format.js";
import { Link } from "../router/link.js";
import { setQuery, useLocation } from "../router/router.js";
import { FeedbackStatusChip } from "./feedback-status-chip.js";

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | "" =>
  list.includes(v as T) ? (v as T) : "";

/**
 * "Góp ý, phản ánh": the monitoring department's list of every submission, a unit's list of
 * those routed to it; filters by state, kind and overdue, kept in the address.
 */
export function FeedbackQueuePage() {
  const user = useUser();
  const { query } = useLocation();
  const status = oneOf(FEEDBACK_STATUSES, query.get("trang-thai"));
  const kind = oneOf(FEEDBACK_KINDS, query.get("loai"));
  const overdue = query.get("qua-han") === "1";
  const list = useResource(`feedback ${status} ${kind} ${overdue}`, (signal) =>
    api<FeedbackItemView[]>("/api/feedback", {
      query: { status, kind, overdue: overdue ? "true" : undefined },
      signal,
    }),
  );
  const isMonitor = user.role === "monitor";

  return (
    <>
      <div className="page-head">
        <h1>{isMonitor ? "Góp ý, phản ánh, kiến nghị" : "Góp ý chuyển cho đơn vị"}</h1>
      </div>
      <div className="filters feedback-filters">
        <div className="field">
          <label htmlFor="fb-status">Trạng thái</label>
          <select
            id="fb-status"
            value={status}
            onChange={(e) => setQuery({ "trang-thai": e.target.value })}
          >
            <option value="">Tất cả</option>
            {FEEDBACK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FEEDBACK_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fb-kind">Loại</label>
          <select id="fb-kind" value={kind} onChange={(e) => setQuery({ loai: e.target.value })}>
            <option value="">Tất cả</option>
            {FEEDBACK_KINDS.map((k) => (
              <option key={k} value={k}>
                {FEEDBACK_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fb-overdue">Hạn trả lời</label>
          <select
            id="fb-overdue"
            value={overdue ? "1" : ""}
            onChange={(e) => setQuery({ "qua-han": e.target.value })}
          >
            <option value="">Tất cả</option>
            <option value="1">Chỉ góp ý quá hạn</option>
          </select>
        </div>
      </div>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Empty>Không có góp ý nào.</Empty>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap cards">
          <table>
            <thead>
              <tr>
                <th>Góp ý</th>
                <th>Loại</th>
                <th>Trạng thái</th>
                <th>Đơn vị xử lý</th>
                <th>Hạn trả lời</th>
                <th>Tiếp nhận</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`/xu-ly-gop-y/${f.id}`}>{f.title}</Link>
                    <span className="raw">{f.code}</span>
                  </td>
                  <td data-label="Loại">{f.kindLabel}</td>
                  <td data-label="Trạng thái">
                    <FeedbackStatusChip status={f.status} overdue={f.overdue} />
                  </td>
                  <td data-label="Đơn vị">{f.unit ?? "—"}</td>
                  <td data-label="Hạn">{formatDate(f.deadline)}</td>
                  <td data-label="Tiếp nhận">{formatDate(f.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
