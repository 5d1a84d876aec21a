import type { FeedbackItemView } from "@giamsat/server/api";
import { useState } from "react";
import { ErrorBox } from "../components/feedback.js";
import { useFeedbackAction } from "./feedback-action.js";

/** The monitoring department publishes the unit's drafted answer, or returns it with a reason. */
export function FeedbackDecisionForm({
  item,
  onDone,
}: {
  item: FeedbackItemView;
  onDone: (item: FeedbackItemView) => void;
}) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<Error | null>(null);
  const action = useFeedbackAction(item.id, onDone);
  const returnToUnit = () => {
    if (!reason.trim()) return setMissing(new Error("Cần nêu lý do trả lại cho đơn vị."));
    setMissing(null);
    void action.run("decision", { approve: false, reason: reason.trim() });
  };
  return (
    <section className="card decision" aria-labelledby="fb-decision-title">
      <h2 id="fb-decision-title">Duyệt trả lời</h2>
      <div className="field">
        <label htmlFor="fb-return-reason">Lý do trả lại (gửi đơn vị, không công khai)</label>
        <textarea
          id="fb-return-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <ErrorBox error={missing ?? action.error} />
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
