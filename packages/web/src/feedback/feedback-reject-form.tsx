import type { FeedbackItemView } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFeedbackAction } from "./feedback-action.js";

const fieldOf = fieldsByPath({
  reason: { id: "fb-reject-reason", label: "Lý do không tiếp nhận" },
});

/** The monitoring department does not accept a submission (spam, out of scope), with a reason. */
export function FeedbackRejectForm({
  item,
  onDone,
}: {
  item: FeedbackItemView;
  onDone: (item: FeedbackItemView) => void;
}) {
  const [reason, setReason] = useState("");
  const action = useFeedbackAction(item.id, fieldOf, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run("reject", { reason: reason.trim() });
  };
  return (
    <form
      className="card change-form"
      onSubmit={submit}
      aria-labelledby="fb-reject-title"
      {...action.errors.formProps}
    >
      <h2 id="fb-reject-title">Không tiếp nhận</h2>
      <ErrorSummary errors={action.errors} />
      <div className="field">
        <label htmlFor="fb-reject-reason">Lý do không tiếp nhận (người gửi thấy lý do này)</label>
        <textarea
          id="fb-reject-reason"
          rows={2}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...action.errors.field("fb-reject-reason")}
        />
        <FieldError errors={action.errors} id="fb-reject-reason" />
      </div>
      <div className="actions">
        <button type="submit" className="danger" disabled={action.busy}>
          Không tiếp nhận
        </button>
      </div>
    </form>
  );
}
