import type { PublicFeedbackView } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { daysUntil, formatDate, formatDateTime } from "../format/date.format.js";
import { Link } from "../router/link.js";

const fieldOf = fieldsByPath({
  rating: { id: "fb-rating", label: "Đánh giá câu trả lời" },
  comment: { id: "fb-rating-comment", label: "Nhận xét" },
});

/**
 * `/gop-y/:code`: anyone with the code sees the status, the unit, the deadline and the published
 * answer; the sender (the secret `?s=` from the link given at submission) rates the answer.
 */
export function FeedbackTrackPage({ code }: { code: string }) {
  const secret = new URLSearchParams(window.location.search).get("s");
  const [rated, setRated] = useState<PublicFeedbackView | null>(null);
  const errors = useFormErrors(fieldOf);
  const item = useResource(`feedback ${code}`, (signal) =>
    api<PublicFeedbackView>(`/api/public/feedback/${encodeURIComponent(code)}`, { signal }),
  );
  const f = rated ?? item.data;

  async function rate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    errors.clear();
    try {
      setRated(
        await api<PublicFeedbackView>(`/api/public/feedback/${encodeURIComponent(code)}/rating`, {
          body: {
            secret,
            rating: Number(form.get("rating")),
            comment: String(form.get("comment") ?? "").trim() || undefined,
          },
        }),
      );
    } catch (e) {
      errors.show(e as Error);
    }
  }

  return (
    <>
      <h1>Góp ý {code}</h1>
      <ErrorBox error={item.error} />
      {item.loading && !f && <Loading />}
      {f && (
        <div className="card" data-testid="feedback-status">
          <h2>{f.title}</h2>
          <p className="muted small">
            {f.kindLabel}
            {f.field ? ` · ${f.field}` : ""} · tiếp nhận lúc {formatDateTime(f.receivedAt)}
            {f.senderName ? ` · ${f.senderName}` : ""}
          </p>
          <p className="prose">{f.content}</p>
          <p>
            Trạng thái: <strong data-testid="feedback-state">{f.statusLabel}</strong>
          </p>
          {f.mergedInto && (
            <p>
              Góp ý này trùng nội dung với góp ý{" "}
              <Link to={`/gop-y/${f.mergedInto}`}>{f.mergedInto}</Link> và được trả lời chung một
              lần.
            </p>
          )}
          {f.unit && <p>Đơn vị xử lý: {f.unit}</p>}
          {f.deadline && !f.answer && (
            <p>
              Hạn trả lời: {formatDate(f.deadline)} (còn {daysUntil(f.deadline)} ngày)
            </p>
          )}
          {f.rejectReason && <p>Lý do không tiếp nhận: {f.rejectReason}</p>}
          {f.answer && (
            <section>
              <h3>Trả lời</h3>
              <p className="prose" data-testid="feedback-answer">
                {f.answer}
              </p>
            </section>
          )}
          {f.rating !== null && (
            <p data-testid="feedback-rating">Đánh giá của người gửi: {f.rating}/5</p>
          )}
          {f.status === "published" && secret && f.rating === null && (
            <form className="form" onSubmit={rate} {...errors.formProps}>
              <ErrorSummary errors={errors} />
              <label>
                Đánh giá câu trả lời (1–5)
                <select
                  id="fb-rating"
                  name="rating"
                  defaultValue="5"
                  {...errors.field("fb-rating")}
                >
                  {[5, 4, 3, 2, 1].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                <FieldError errors={errors} id="fb-rating" />
              </label>
              <label>
                Nhận xét
                <textarea
                  id="fb-rating-comment"
                  name="comment"
                  rows={3}
                  maxLength={1000}
                  {...errors.field("fb-rating-comment")}
                />
                <FieldError errors={errors} id="fb-rating-comment" />
              </label>
              <button type="submit">Gửi đánh giá</button>
            </form>
          )}
        </div>
      )}
    </>
  );
}
