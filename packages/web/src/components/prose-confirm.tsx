import { PROSE_APPENDIX_TITLE, PROSE_SENTENCE, type ImportResult } from "@giamsat/core";
import { formatDeadline } from "../format/deadline.format.js";

/** The tasks read from prose in a preview (a document with no task table), if any. */
export const proseTasks = (result: ImportResult) =>
  result.appendices.find((a) => a.title === PROSE_APPENDIX_TITLE)?.tasks ?? [];

/**
 * A document with no task table: each task read from a sentence is shown with its sentence and
 * must be ticked to be stored (nothing read from prose is stored unconfirmed).
 */
export function ProseConfirm({
  result,
  confirmed,
  onChange,
}: {
  result: ImportResult;
  confirmed: ReadonlySet<number>;
  onChange: (lines: Set<number>) => void;
}) {
  const tasks = proseTasks(result);
  if (tasks.length === 0) return null;
  const toggle = (position: number, on: boolean) => {
    const next = new Set(confirmed);
    if (on) next.add(position);
    else next.delete(position);
    onChange(next);
  };
  return (
    <fieldset className="card prose-confirm" data-testid="prose-confirm">
      <legend>
        Xác nhận nhiệm vụ đọc từ câu văn ({confirmed.size}/{tasks.length})
      </legend>
      <p className="muted">
        Văn bản không có bảng nhiệm vụ. Các nhiệm vụ dưới đây được đọc từ những câu giao việc; chỉ
        nhiệm vụ được đánh dấu mới được lưu. Đối chiếu từng nhiệm vụ với câu văn gốc.
      </p>
      <ul>
        {tasks.map((t, i) => (
          <li key={i}>
            <label className="radio">
              <input
                type="checkbox"
                checked={confirmed.has(i)}
                onChange={(e) => toggle(i, e.target.checked)}
              />{" "}
              <strong>{t.name}</strong> — chủ trì: {t.lead.map((o) => o.name).join("; ") || "—"}
              {t.coordinators.length > 0 &&
                `; phối hợp: ${t.coordinators.map((o) => o.name).join("; ")}`}
              ; thời hạn: {formatDeadline(t.deadline)}
            </label>
            <blockquote>{t.extra[PROSE_SENTENCE]}</blockquote>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
