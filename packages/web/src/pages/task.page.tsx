import { useState, type ReactNode } from "react";
import { api } from "../api/client.js";
import type { ChangeRequestView, TaskDetail } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { mayReport } from "../auth/scope.js";
import { useUser } from "../auth/session.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { OrgNames } from "../components/org-names.js";
import { TaskReports } from "../components/task-reports.js";
import { StatusChip } from "../components/status-chip.js";
import { TaskHistory } from "../components/task-history.js";
import { TaskCorrectionForm } from "../components/task-correction-form.js";
import { TaskLinks } from "../components/task-links.js";
import { ChangeRequestForm } from "../components/change-request-form.js";
import { ChangeRequestList } from "../components/change-request-list.js";
import { formatDate, isIsoDate } from "../format/date.format.js";
import { deadlineNormalised, formatDeadline } from "../format/deadline.format.js";
import { STATUS_LABELS, isStatusCode, vietnamDay } from "@giamsat/core";
import { Link } from "../router/link.js";
import { useLocation } from "../router/router.js";
import { useDocumentTitle } from "../router/use-document-title.js";
import { planLabel } from "../format/plan.format.js";

/** One "06 rõ" field; a missing value is shown as a defect. */
function Field({
  label,
  missing,
  children,
}: {
  label: string;
  missing?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{missing ? <span className="defect">Chưa rõ — thiếu trong văn bản</span> : children}</dd>
    </>
  );
}

/** The note after a report was sent from the form (`?da-gui=1`, or `ky-duyet` when it waits for the unit head). */
const SENT_NOTES: Record<string, string> = {
  "1": "Đã gửi báo cáo. Báo cáo đang chờ cơ quan theo dõi duyệt.",
  "ky-duyet":
    "Đã gửi báo cáo. Báo cáo đang chờ lãnh đạo đơn vị ký duyệt, sau đó mới chuyển tới cơ quan theo dõi.",
};

export function TaskPage({ id }: { id: string }) {
  const { query } = useLocation();
  const user = useUser();
  const asOf = isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : vietnamDay();
  const task = useResource(`task ${id} ${asOf}`, (signal) =>
    api<TaskDetail>(`/api/tasks/${id}`, { query: { asOf }, signal }),
  );
  const t = task.data;
  // a returned or rejected change request being sent again (the form opens filled with it)
  const [resubmitting, setResubmitting] = useState<ChangeRequestView | null>(null);
  const sentNote = SENT_NOTES[query.get("da-gui") ?? ""];
  useDocumentTitle(
    t ? `${t.number ? `Nhiệm vụ ${t.number}` : "Nhiệm vụ"} · ${planLabel(t.plan)}` : null,
  );
  if (task.error) return <ErrorBox error={task.error} />;
  if (!t) return <Loading />;
  const rawOrgs = [...t.lead, ...t.coordinators].filter((o) => o.raw && o.raw !== o.name);
  const canReport = mayReport(user, [...t.lead, ...t.coordinators]);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/ke-hoach">Kế hoạch</Link> ›{" "}
        <Link to={`/ke-hoach/${t.plan.id}?asOf=${asOf}`}>{planLabel(t.plan)}</Link>
        {` › ${t.appendix.title}`}
      </p>
      <div className="page-head">
        <div>
          <h1 className="task-title">
            {t.number ? `Nhiệm vụ ${t.number}: ` : "Nhiệm vụ: "}
            {t.name}
          </h1>
          <p className="subtitle">
            <StatusChip status={t.status} days={t.daysOverdue} />{" "}
            {isStatusCode(t.status) ? STATUS_LABELS[t.status] : ""}
            {t.daysOverdue ? ` — quá hạn ${t.daysOverdue} ngày` : ""} · tính đến {formatDate(asOf)}
            {t.cancelledAt ? ` · đã huỷ ngày ${formatDate(t.cancelledAt)}` : ""}
            {t.confidential ? " · Nhiệm vụ mật" : ""}
            {t.reporting.compliance?.share != null
              ? ` · báo cáo đúng hạn ${t.reporting.compliance.onTime}/${t.reporting.compliance.periodsDue} kỳ (${Math.round(t.reporting.compliance.share * 100)}%)`
              : ""}
          </p>
        </div>
        {canReport && (
          <Link className="button" to={`/nhiem-vu/${t.id}/bao-cao`}>
            Gửi báo cáo tiến độ
          </Link>
        )}
      </div>

      <StatusRegion>{sentNote && <p className="alert success">{sentNote}</p>}</StatusRegion>
      <section className="card" aria-labelledby="six-title">
        <h2 id="six-title">Thông tin nhiệm vụ (“06 rõ”)</h2>
        <dl className="fields">
          <Field label="Rõ việc — tên nhiệm vụ">{t.name}</Field>
          <Field label="Rõ người — lãnh đạo chỉ đạo" missing={!t.leader}>
            {t.leader}
          </Field>
          <Field label="Rõ trách nhiệm — chủ trì" missing={!t.lead.length}>
            <OrgNames orgs={t.lead} />
          </Field>
          <Field label="Đơn vị phối hợp">
            <OrgNames orgs={t.coordinators} empty="Không có" />
          </Field>
          {rawOrgs.length > 0 && (
            <Field label="Tên đơn vị trong văn bản">
              {rawOrgs.map((o, i) => (
                <span key={i} className="raw">
                  “{o.raw}” → {o.name}
                </span>
              ))}
            </Field>
          )}
          <Field label="Rõ thời gian — thời hạn" missing={t.deadline.kind === "none"}>
            {formatDeadline(t.deadline)}
            {t.deadline.kind === "unresolved" && (
              <span className="defect"> (chưa xác định được ngày)</span>
            )}
            {deadlineNormalised(t.deadline) && (
              <span className="raw">Văn bản ghi: “{t.deadline.raw}”</span>
            )}
          </Field>
          <Field label="Rõ sản phẩm — kết quả" missing={!t.output}>
            {t.output}
          </Field>
          <Field label="Rõ thẩm quyền — căn cứ giao" missing={!t.basis.length}>
            <ul className="evidence-list">
              {t.basis.map((b, i) => (
                <li key={i}>
                  {b.kind ? `${b.kind} ` : ""}
                  {b.number ?? ""}
                  {b.date ? ` ngày ${formatDate(b.date)}` : ""}
                  {!b.number && !b.kind ? b.raw : ""}
                  {b.number && b.raw ? <span className="raw">Văn bản ghi: “{b.raw}”</span> : null}
                </li>
              ))}
            </ul>
          </Field>
          <Field label="Loại nhiệm vụ">
            {t.kind === "recurring" ? "Thường xuyên" : "Có thời hạn"}
          </Field>
          {Object.entries(t.extra ?? {}).map(([k, v]) => (
            <Field key={k} label={k}>
              {v}
            </Field>
          ))}
          {t.line ? <Field label="Vị trí trong văn bản">Dòng {t.line}</Field> : null}
        </dl>
      </section>

      {t.milestones.length > 0 && (
        <section className="card" aria-labelledby="ms-title">
          <h2 id="ms-title">Các bước thực hiện, sản phẩm trung gian</h2>
          <ol>
            {t.milestones.map((m, i) => (
              <li key={i}>
                {m.name}
                {m.output ? ` — ${m.output}` : ""}{" "}
                <span className="muted">({formatDeadline(m.deadline)})</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      <TaskLinks links={t.links} asOf={asOf} onChanged={task.reload} />

      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">Báo cáo tiến độ và minh chứng</h2>
        <TaskReports taskId={t.id} first={t.reports} total={t.reportsTotal} />
      </section>

      <section className="card" aria-labelledby="changes-title">
        <h2 id="changes-title">Đề xuất điều chỉnh</h2>
        {t.changeRequests.length === 0 && <p className="muted">Chưa có đề xuất điều chỉnh.</p>}
        <ChangeRequestList
          requests={t.changeRequests}
          onDecided={task.reload}
          onResubmit={canReport && !t.cancelledAt ? setResubmitting : undefined}
        />
        {canReport && !t.cancelledAt && (
          <ChangeRequestForm
            taskId={t.id}
            onSent={task.reload}
            from={resubmitting}
            onClosed={() => setResubmitting(null)}
          />
        )}
      </section>

      {user.role === "monitor" && !t.cancelledAt && !t.removedAt && (
        <TaskCorrectionForm task={t} onSaved={task.reload} />
      )}

      <TaskHistory taskId={t.id} versions={t.versions} audit={t.audit} auditTotal={t.auditTotal} />
    </>
  );
}
