import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { InboxItem, ReportView } from "../api/types.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

const fieldOf = fieldsByPath({
  state: { id: "bulk-state", label: "Nội dung" },
  summary: { id: "bulk-summary", label: "Kết quả thực hiện" },
});

type Props = {
  chosen: InboxItem[];
  onClear: () => void;
  /** how many reports were sent, and whether they wait for the unit head's sign-off */
  onSent: (count: number, awaitingSignoff: boolean) => void;
};

/**
 * The same short report for every chosen task ("Không phát sinh" for recurring tasks, or one
 * text): `POST /api/reports/bulk` writes one report per task, all or none.
 */
export function BulkReportBar({ chosen, onClear, onSent }: Props) {
  const allRecurring = chosen.every((i) => i.task.kind === "recurring");
  const [state, setState] = useState<"nothing_to_report" | "in_progress">("nothing_to_report");
  const [summary, setSummary] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fieldOf);
  const effective = allRecurring ? state : "in_progress";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      const { items } = await api<{ items: ReportView[] }>("/api/reports/bulk", {
        body: { taskIds: chosen.map((i) => i.task.id), state: effective, summary },
      });
      setSummary("");
      onSent(
        items.length,
        items.some((r) => r.status === "awaiting_signoff"),
      );
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card bulk-bar"
      aria-labelledby="bulk-title"
      data-testid="bulk-report"
      onSubmit={(e) => void submit(e)}
      {...errors.formProps}
    >
      <h2 id="bulk-title">Báo cáo chung cho {chosen.length} nhiệm vụ đã chọn</h2>
      <ErrorSummary errors={errors} />
      <fieldset>
        <legend>Nội dung</legend>
        <div className="radio-row">
          <label>
            <input
              type="radio"
              name="bulk-state"
              id="bulk-state"
              checked={effective === "nothing_to_report"}
              disabled={!allRecurring || busy}
              onChange={() => setState("nothing_to_report")}
            />
            Không phát sinh
          </label>
          <label>
            <input
              type="radio"
              name="bulk-state"
              checked={effective === "in_progress"}
              disabled={busy}
              onChange={() => setState("in_progress")}
            />
            Đang thực hiện, cùng một nội dung
          </label>
        </div>
        {!allRecurring && (
          <p className="hint">
            “Không phát sinh” chỉ dùng khi mọi nhiệm vụ đã chọn là thường xuyên.
          </p>
        )}
      </fieldset>
      {effective === "in_progress" && (
        <div className="field">
          <label htmlFor="bulk-summary">Kết quả thực hiện (gửi giống nhau cho mọi nhiệm vụ)</label>
          <textarea
            id="bulk-summary"
            required
            rows={2}
            maxLength={2000}
            value={summary}
            disabled={busy}
            onChange={(e) => setSummary(e.target.value)}
            {...errors.field("bulk-summary")}
          />
          <FieldError errors={errors} id="bulk-summary" />
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Đang gửi…" : `Gửi ${chosen.length} báo cáo`}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onClear}>
          Bỏ chọn
        </button>
      </div>
    </form>
  );
}
