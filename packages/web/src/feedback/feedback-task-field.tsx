import type { TaskChoiceView } from "@giamsat/server/api";
import { useEffect, useState } from "react";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";

export type TaskChoice = TaskChoiceView;

/**
 * The plan task the feedback is about (optional): words of its name, with or without
 * diacritics, or its number; tasks of published plans only. The server searches.
 */
export function FeedbackTaskField({
  chosen,
  onChange,
}: {
  chosen: TaskChoice | null;
  onChange: (task: TaskChoice | null) => void;
}) {
  const [text, setText] = useState("");
  const [term, setTerm] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useResource(term.length >= 2 ? `feedback-tasks ${term}` : null, (signal) =>
    api<TaskChoice[]>("/api/public/feedback-tasks", { query: { q: term }, signal }),
  );
  if (chosen)
    return (
      <div className="field">
        <span className="label-text">
          <strong>Nhiệm vụ liên quan</strong>
        </span>
        <p data-testid="feedback-task">
          {chosen.label}{" "}
          <button type="button" className="link" onClick={() => onChange(null)}>
            Bỏ chọn
          </button>
        </p>
      </div>
    );
  return (
    <div className="field">
      <label htmlFor="fb-task">Nhiệm vụ liên quan (nếu có)</label>
      <input
        id="fb-task"
        type="search"
        placeholder="Gõ tên hoặc số nhiệm vụ, không cần dấu"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="fb-task-status"
      />
      <span id="fb-task-status" className="muted small" role="status">
        {term.length >= 2 && found.data
          ? found.data.length === 0
            ? "Không tìm thấy nhiệm vụ trong các kế hoạch đã công khai."
            : `${found.data.length} nhiệm vụ — bấm để chọn.`
          : ""}
      </span>
      {term.length >= 2 && found.data && found.data.length > 0 && (
        <ul className="file-list" aria-label="Nhiệm vụ tìm thấy">
          {found.data.map((t) => (
            <li key={t.id}>
              <button type="button" className="link" onClick={() => onChange(t)}>
                {t.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
