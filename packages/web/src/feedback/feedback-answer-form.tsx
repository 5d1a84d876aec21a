import type { FeedbackItemView } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFeedbackAction } from "./feedback-action.js";

const fieldOf = fieldsByPath({ answer: { id: "fb-answer", label: "Nội dung trả lời" } });

/** The unit drafts its answer (a returned draft is kept to edit); the monitoring department approves it. */
export function FeedbackAnswerForm({
  item,
  onDone,
}: {
  item: FeedbackItemView;
  onDone: (item: FeedbackItemView) => void;
}) {
  const [answer, setAnswer] = useState(item.answer ?? "");
  const action = useFeedbackAction(item.id, fieldOf, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run("answer", { answer: answer.trim() });
  };
  return (
    <form
      className="card change-form"
      onSubmit={submit}
      aria-labelledby="fb-answer-title"
      {...action.errors.formProps}
    >
      <h2 id="fb-answer-title">Trả lời của đơn vị</h2>
      <ErrorSummary errors={action.errors} />
      <div className="field">
        <label htmlFor="fb-answer">
          Nội dung trả lời (công khai sau khi cơ quan theo dõi duyệt)
        </label>
        <textarea
          id="fb-answer"
          rows={6}
          maxLength={10000}
          required
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          {...action.errors.field("fb-answer")}
        />
        <FieldError errors={action.errors} id="fb-answer" />
      </div>
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          Gửi trả lời để duyệt
        </button>
      </div>
    </form>
  );
}
