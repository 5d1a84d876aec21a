import type { AuditView, VersionView } from "../api/types.js";
import { auditActionLabel } from "../format/audit.format.js";
import { formatDateTime } from "../format/date.format.js";
import { useMore } from "../api/use-more.js";
import { MoreButton } from "./more-button.js";

/** Versions and the audit trail of a task (newest first; older events on "Xem thêm"). */
export function TaskHistory({
  taskId,
  versions,
  audit: first,
  auditTotal,
}: {
  taskId: number;
  versions: VersionView[];
  audit: AuditView[];
  auditTotal: number;
}) {
  const audit = useMore(first, auditTotal, `/api/tasks/${taskId}/audit`);
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Phiên bản</h2>
        {versions.length === 0 && <p className="muted">Chưa có điều chỉnh.</p>}
        <ul data-testid="task-versions">
          {versions.map((v) => (
            <li key={v.version}>
              Phiên bản {v.version} · {formatDateTime(v.createdAt)} · {v.reason}
              {v.authorName ? ` (${v.authorName})` : ""}
              {v.changes && v.changes.length > 0 && (
                <ul className="version-changes">
                  {v.changes.map((c) => (
                    <li key={c.field}>
                      <strong>{c.label}:</strong> <del>{c.before}</del> → <ins>{c.after}</ins>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Nhật ký thao tác</h2>
        {audit.items.length === 0 ? (
          <p className="muted">Chưa có thao tác nào.</p>
        ) : (
          <ul>
            {audit.items.map((a) => (
              <li key={a.id} {...audit.itemProps(a.id)}>
                {formatDateTime(a.at)} · {a.actorName ?? "Hệ thống"} · {auditActionLabel(a.action)}
                {a.reason ? ` — ${a.reason}` : ""}
              </li>
            ))}
          </ul>
        )}
        <MoreButton
          left={audit.left}
          what="mục"
          loading={audit.loading}
          error={audit.error}
          onMore={() => void audit.load()}
        />
      </section>
    </div>
  );
}
