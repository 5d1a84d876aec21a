import type { FeedbackItemView } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { ErrorBox } from "../components/feedback.js";
import { useFeedbackAction } from "./feedback-action.js";

/** The monitoring department does not accept a submission (spam, out of scope), with a reason. */
export function FeedbackRejectForm({
  item,
  onDone,
}: {
  item: FeedbackItemView;
  onDone: (item: FeedbackItemView) => void;
}) {
  const [reason, setReason] = useState("");
  const action = useFeedbackAction(item.id, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run("reject", { reason: reason.trim() });
  };
  return (
    <form className="card change-form" onSubmit={submit} aria-labelledby="fb-reject-title">
      <h2 id="fb-reject-title">Không tiếp nhận</h2>
      <div className="field">
        <label htmlFor="fb-reject-reason">Lý do không tiếp nhận (người gửi thấy lý do này)</label>
        <textarea
          id="fb-reject-reason"
          rows={2}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <ErrorBox error={action.error} />
      <div className="actions">
        <button type="submit" className="danger" disabled={action.busy}>
          Không tiếp nhận
        </button>
      </div>
    </form>
  );
}
