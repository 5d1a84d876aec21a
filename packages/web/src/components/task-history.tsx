import type { AuditView, ChangeRequestView, VersionView } from "../api/types.js";
import { formatDateTime } from "../format/date.format.js";

const CHANGE_KINDS: Record<string, string> = {
  extend_deadline: "Gia hạn",
  reassign: "Giao lại đơn vị",
  change_output: "Thay đổi sản phẩm",
  cancel: "Huỷ nhiệm vụ",
};
const CHANGE_STATUS: Record<string, string> = {
  proposed: "Chờ quyết định",
  approved: "Đã duyệt",
  rejected: "Không duyệt",
};

/** Versions, change requests and the audit trail of a task. */
export function TaskHistory({
  versions,
  changeRequests,
  audit,
}: {
  versions: VersionView[];
  changeRequests: ChangeRequestView[];
  audit: AuditView[];
}) {
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Phiên bản và đề nghị điều chỉnh</h2>
        {versions.length === 0 && changeRequests.length === 0 && (
          <p className="muted">Chưa có điều chỉnh.</p>
        )}
        <ul>
          {versions.map((v) => (
            <li key={v.version}>
              Phiên bản {v.version} · {formatDateTime(v.createdAt)} · {v.reason}
              {v.authorName ? ` (${v.authorName})` : ""}
            </li>
          ))}
          {changeRequests.map((c) => (
            <li key={`cr-${c.id}`}>
              {CHANGE_KINDS[c.kind] ?? c.kind}: {c.reason} — {CHANGE_STATUS[c.status] ?? c.status} ·{" "}
              {formatDateTime(c.proposedAt)}
              {c.decisionComment ? ` · ${c.decisionComment}` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Nhật ký thao tác</h2>
        {audit.length === 0 ? (
          <p className="muted">Chưa có thao tác nào.</p>
        ) : (
          <ul>
            {audit.map((a) => (
              <li key={a.id}>
                {formatDateTime(a.at)} · {a.actorName ?? "Hệ thống"} · {a.action}
                {a.reason ? ` — ${a.reason}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
