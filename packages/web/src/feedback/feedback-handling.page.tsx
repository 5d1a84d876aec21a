import type { FeedbackItemView } from "@giamsat/server/api";
import { useState } from "react";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { formatBytes, formatDate, formatDateTime } from "../format/date.format.js";
import { Link } from "../router/link.js";
import { FeedbackAnswerForm } from "./feedback-answer-form.js";
import { FeedbackDecisionForm } from "./feedback-decision-form.js";
import { FeedbackMergeForm } from "./feedback-merge-form.js";
import { FeedbackRejectForm } from "./feedback-reject-form.js";
import { FeedbackRouteForm } from "./feedback-route-form.js";
import { FeedbackStatusChip } from "./feedback-status-chip.js";

/** The steps open to the user on this submission's state (the server checks them again). */
function Steps({
  item,
  onDone,
}: {
  item: FeedbackItemView;
  onDone: (f: FeedbackItemView) => void;
}) {
  const { role } = useUser();
  if (role === "monitor") {
    if (item.status === "answered")
      return <FeedbackDecisionForm key={item.status} item={item} onDone={onDone} />;
    if (item.status !== "received" && item.status !== "routed") return null;
    return (
      <div className="grid-2">
        <FeedbackRouteForm key={`${item.status} ${item.unitId}`} item={item} onDone={onDone} />
        {item.status === "received" && <FeedbackRejectForm item={item} onDone={onDone} />}
        <FeedbackMergeForm item={item} onDone={onDone} />
      </div>
    );
  }
  if (item.status === "routed")
    return <FeedbackAnswerForm key={item.status} item={item} onDone={onDone} />;
  return null;
}

/** One submission as its handlers see it: the sender's contact, the task, the draft; and the next step. */
export function FeedbackHandlingPage({ id }: { id: string }) {
  const loaded = useResource(`feedback-item ${id}`, (signal) =>
    api<FeedbackItemView>(`/api/feedback/${encodeURIComponent(id)}`, { signal }),
  );
  const [updated, setUpdated] = useState<FeedbackItemView | null>(null);
  const [done, setDone] = useState("");
  const f = updated?.id === Number(id) ? updated : loaded.data;
  const onDone = (next: FeedbackItemView) => {
    setUpdated(next);
    setDone(`Đã lưu: ${next.statusLabel.toLowerCase()}.`);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/xu-ly-gop-y">Góp ý, phản ánh</Link>
      </p>
      <ErrorBox error={loaded.error} />
      {loaded.loading && !f && <Loading />}
      {f && (
        <>
          <div className="page-head">
            <h1>{f.title}</h1>
          </div>
          <p role="status" className="muted" data-testid="feedback-done">
            {done}
          </p>
          <section className="card" aria-label="Nội dung góp ý">
            <dl className="fields">
              <dt>Mã theo dõi</dt>
              <dd>{f.code}</dd>
              <dt>Loại</dt>
              <dd>{f.kindLabel}</dd>
              <dt>Trạng thái</dt>
              <dd data-testid="feedback-handling-state">
                <FeedbackStatusChip status={f.status} overdue={f.overdue} />
              </dd>
              <dt>Tiếp nhận lúc</dt>
              <dd>{formatDateTime(f.receivedAt)}</dd>
              <dt>Người gửi</dt>
              <dd>
                {f.senderName}
                {f.senderOrganisation ? ` — ${f.senderOrganisation}` : ""}
                <span className="raw">
                  {[f.senderEmail, f.senderPhone].filter(Boolean).join(" · ")} (không công khai)
                </span>
              </dd>
              <dt>Lĩnh vực</dt>
              <dd>{f.field ?? "—"}</dd>
              {f.mergedInto && (
                <>
                  <dt>Đã gộp vào</dt>
                  <dd data-testid="feedback-merged">{f.mergedInto}</dd>
                </>
              )}
              <dt>Nhiệm vụ liên quan</dt>
              <dd>{f.task ? <Link to={`/nhiem-vu/${f.task.id}`}>{f.task.label}</Link> : "—"}</dd>
              <dt>Đơn vị xử lý</dt>
              <dd>{f.unit ?? "Chưa chuyển"}</dd>
              <dt>Hạn trả lời</dt>
              <dd>{formatDate(f.deadline)}</dd>
              {f.internalNote && (
                <>
                  <dt>Ghi chú của cơ quan theo dõi</dt>
                  <dd data-testid="feedback-note">{f.internalNote}</dd>
                </>
              )}
              {f.rejectReason && (
                <>
                  <dt>Lý do không tiếp nhận</dt>
                  <dd>{f.rejectReason}</dd>
                </>
              )}
              {f.rating !== null && (
                <>
                  <dt>Đánh giá của người gửi</dt>
                  <dd>
                    {f.rating}/5{f.ratingComment ? ` — ${f.ratingComment}` : ""}
                  </dd>
                </>
              )}
            </dl>
            <h2>Nội dung</h2>
            <p className="prose">{f.content}</p>
            {f.attachments.length > 0 && (
              <>
                <h2>Tệp người gửi đính kèm (không công khai)</h2>
                <ul className="file-list" data-testid="feedback-files">
                  {f.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/feedback/${f.id}/files/${a.id}`} download>
                        {a.fileName}
                      </a>{" "}
                      <span className="muted">({formatBytes(a.size)})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {f.answer && (
              <>
                <h2>
                  {f.status === "published" ? "Trả lời đã công bố" : "Dự thảo trả lời của đơn vị"}
                </h2>
                <p className="prose" data-testid="feedback-draft">
                  {f.answer}
                </p>
              </>
            )}
          </section>
          <Steps item={f} onDone={onDone} />
        </>
      )}
    </>
  );
}
