import { KIND_LABELS, type NotificationKind } from "@giamsat/core";
import type { OutboxStatusResponse } from "@giamsat/server/api";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { formatDateTime } from "../format/date.format.js";

const STATUS_LABELS: Record<string, string> = {
  pending: "Chờ gửi",
  sending: "Đang gửi",
  sent: "Đã gửi",
  failed: "Gửi lỗi hẳn",
  held: "Chờ gộp vào thư tổng hợp",
  bundled: "Đã gộp vào thư tổng hợp",
};

const CHANNEL_LABELS: Record<string, string> = { email: "E-mail", in_app: "Trong ứng dụng" };

const kindLabel = (kind: string) => KIND_LABELS[kind as NotificationKind] ?? kind;

/**
 * The notification outbox for the administrator: how many messages each status holds, and the
 * messages that failed for good after their retries, with the server's answer.
 */
export function OutboxAdmin() {
  const outbox = useResource("outbox", (signal) =>
    api<OutboxStatusResponse>("/api/admin/outbox", { signal }),
  );
  const data = outbox.data;
  return (
    <section className="card" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Hàng đợi thông báo</h2>
      <ErrorBox error={outbox.error} />
      {outbox.loading && !data && <Loading />}
      {data && (
        <>
          <ul aria-label="Số thông báo theo trạng thái">
            {Object.entries(data.counts).map(([status, n]) => (
              <li key={status} data-status={status}>
                {STATUS_LABELS[status] ?? status}: {n.toLocaleString("vi-VN")}
              </li>
            ))}
          </ul>
          <h3>Thông báo gửi lỗi hẳn (sau các lần thử lại)</h3>
          {data.failed.length === 0 ? (
            <p className="muted">Không có thông báo nào gửi lỗi.</p>
          ) : (
            <div className="table-wrap cards">
              <table data-testid="outbox-failed">
                <thead>
                  <tr>
                    <th>Xếp hàng lúc</th>
                    <th>Loại</th>
                    <th>Kênh</th>
                    <th>Người nhận</th>
                    <th>Tiêu đề</th>
                    <th>Số lần thử</th>
                    <th>Lỗi</th>
                  </tr>
                </thead>
                <tbody>
                  {data.failed.map((f) => (
                    <tr key={f.id}>
                      <td>{formatDateTime(f.createdAt)}</td>
                      <td data-label="Loại">{kindLabel(f.kind)}</td>
                      <td data-label="Kênh">{CHANNEL_LABELS[f.channel] ?? f.channel}</td>
                      <td data-label="Người nhận">{f.address ?? "—"}</td>
                      <td data-label="Tiêu đề">{f.subject}</td>
                      <td data-label="Số lần thử">{f.attempts}</td>
                      <td data-label="Lỗi">{f.lastError ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
