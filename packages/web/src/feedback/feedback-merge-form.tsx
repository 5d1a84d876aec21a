import type { FeedbackItemView } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFeedbackAction } from "./feedback-action.js";

const fieldOf = fieldsByPath({ into: { id: "fb-merge-into", label: "Mã góp ý sẽ trả lời chung" } });

/** The monitoring department merges a duplicate into another submission, named by its code. */
export function FeedbackMergeForm({
  item,
  onDone,
}: {
  item: FeedbackItemView;
  onDone: (item: FeedbackItemView) => void;
}) {
  const [into, setInto] = useState("");
  const action = useFeedbackAction(item.id, fieldOf, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run("merge", { into: into.trim().toUpperCase() });
  };
  return (
    <form
      className="card change-form"
      onSubmit={submit}
      aria-labelledby="fb-merge-title"
      {...action.errors.formProps}
    >
      <h2 id="fb-merge-title">Gộp góp ý trùng</h2>
      <ErrorSummary errors={action.errors} />
      <div className="field">
        <label htmlFor="fb-merge-into">Mã góp ý sẽ trả lời chung (GY-yyyymmdd-XXXXXX)</label>
        <input
          id="fb-merge-into"
          required
          pattern="[Gg][Yy]-\d{8}-[A-Za-z0-9]{6}"
          value={into}
          onChange={(e) => setInto(e.target.value)}
          {...action.errors.field("fb-merge-into")}
        />
        <FieldError errors={action.errors} id="fb-merge-into" />
      </div>
      <div className="actions">
        <button type="submit" className="secondary" disabled={action.busy}>
          Gộp vào góp ý có mã trên
        </button>
      </div>
    </form>
  );
}
