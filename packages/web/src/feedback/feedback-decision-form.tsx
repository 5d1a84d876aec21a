import type { FeedbackItemView } from "@giamsat/server/api";
import { useState } from "react";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldProblem, fieldsByPath } from "../forms/form-errors.js";
import { useFeedbackAction } from "./feedback-action.js";

const fieldOf = fieldsByPath({ reason: { id: "fb-return-reason", label: "Lý do trả lại" } });

/** The monitoring department publishes the unit's drafted answer, or returns it with a reason. */
export function FeedbackDecisionForm({
  item,
  onDone,
}: {
  item: FeedbackItemView;
  onDone: (item: FeedbackItemView) => void;
}) {
  const [reason, setReason] = useState("");
  const action = useFeedbackAction(item.id, fieldOf, onDone);
  const returnToUnit = () => {
    if (!reason.trim())
      return action.errors.show(fieldProblem("reason", "Cần nêu lý do trả lại cho đơn vị."));
    void action.run("decision", { approve: false, reason: reason.trim() });
  };
  return (
    <section className="card decision" aria-labelledby="fb-decision-title">
      <h2 id="fb-decision-title">Duyệt trả lời</h2>
      <ErrorSummary errors={action.errors} />
      <div className="field">
        <label htmlFor="fb-return-reason">Lý do trả lại (gửi đơn vị, không công khai)</label>
        <textarea
          id="fb-return-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...action.errors.field("fb-return-reason")}
        />
        <FieldError errors={action.errors} id="fb-return-reason" />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void action.run("decision", { approve: true })}
        >
          Duyệt và công bố
        </button>
        <button type="button" className="danger" disabled={action.busy} onClick={returnToUnit}>
          Trả lại đơn vị
        </button>
      </div>
    </section>
  );
}
