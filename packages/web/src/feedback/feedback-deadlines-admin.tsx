import { FEEDBACK_KIND_LABELS, FEEDBACK_KINDS } from "@giamsat/core";
import type { AnswerDaysView } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

const fieldOf = fieldsByPath({
  ...Object.fromEntries(
    FEEDBACK_KINDS.map((kind, i) => [
      `items.${i}.days`,
      { id: `fd-${kind}`, label: `Hạn trả lời ${FEEDBACK_KIND_LABELS[kind].toLowerCase()}` },
    ]),
  ),
  reason: { id: "fd-reason", label: "Lý do thay đổi" },
});

/**
 * The answer deadline of each kind of public submission, in working days (15 until set): the
 * monitoring department's routing form proposes it; each change is audited.
 */
export function FeedbackDeadlinesAdmin() {
  const deadlines = useResource("feedback-deadlines-admin", (signal) =>
    api<AnswerDaysView[]>("/api/feedback-deadlines", { signal }),
  );
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<{ message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fieldOf);

  if (deadlines.error) return <ErrorBox error={deadlines.error} />;
  if (!deadlines.data) return <Loading />;
  const kinds = deadlines.data;
  const valueOf = (k: AnswerDaysView) => typed[k.kind] ?? String(k.days);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      await api("/api/feedback-deadlines", {
        method: "PUT",
        body: {
          items: kinds.map((k) => ({ kind: k.kind, days: Number(valueOf(k)) })),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        },
      });
      setTyped({});
      setReason("");
      setDone({ message: "Đã lưu hạn trả lời góp ý theo loại." });
      deadlines.reload();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card"
      aria-labelledby="fd-title"
      onSubmit={(e) => void submit(e)}
      {...errors.formProps}
    >
      <h2 id="fd-title">Hạn trả lời góp ý theo loại</h2>
      <p className="muted">
        Số ngày làm việc đơn vị có để trả lời, tính từ ngày cơ quan theo dõi chuyển góp ý (mặc định
        15). Cơ quan theo dõi vẫn có thể sửa hạn khi chuyển từng góp ý.
      </p>
      <ErrorSummary errors={errors} />
      <StatusRegion focusOn={done}>
        {done && <p className="alert success">{done.message}</p>}
      </StatusRegion>
      {kinds.map((k) => (
        <div className="field" key={k.kind}>
          <label htmlFor={`fd-${k.kind}`}>
            {k.label} (ngày làm việc{k.days !== k.defaultDays ? `; mặc định ${k.defaultDays}` : ""})
          </label>
          <input
            id={`fd-${k.kind}`}
            type="number"
            min={1}
            max={60}
            required
            value={valueOf(k)}
            onChange={(e) => setTyped({ ...typed, [k.kind]: e.target.value })}
            {...errors.field(`fd-${k.kind}`)}
          />
          <FieldError errors={errors} id={`fd-${k.kind}`} />
        </div>
      ))}
      <div className="field">
        <label htmlFor="fd-reason">Lý do thay đổi (không bắt buộc)</label>
        <input
          id="fd-reason"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...errors.field("fd-reason")}
        />
        <FieldError errors={errors} id="fd-reason" />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Lưu hạn trả lời
        </button>
      </div>
    </form>
  );
}
