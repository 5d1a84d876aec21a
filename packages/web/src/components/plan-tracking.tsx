import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { PlanSummary } from "../api/types.js";
import { DateInput } from "../forms/date-input.js";
import { formatDate } from "../format/date.format.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

const fieldOf = fieldsByPath({
  trackedFrom: { id: "tracked-from", label: "Tính báo cáo đúng hạn từ ngày" },
  reason: { id: "tracked-reason", label: "Lý do" },
});

/**
 * The day a plan is tracked from: report timeliness (task pages, scorecards) counts the periods
 * owed from it — by default the day the plan was imported. The monitoring department may set
 * another day (a plan already followed on paper before the system) or go back to the default.
 */
export function PlanTracking({
  plan,
  editable,
  onSaved,
}: {
  plan: PlanSummary;
  editable: boolean;
  onSaved: () => void;
}) {
  const errors = useFormErrors(fieldOf);
  const [busy, setBusy] = useState(false);

  const save = async (trackedFrom: string | null, reason: string) => {
    setBusy(true);
    errors.clear();
    try {
      await api(`/api/plans/${plan.id}`, { method: "PATCH", body: { trackedFrom, reason } });
      onSaved();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void save(String(data.get("trackedFrom") ?? ""), String(data.get("reason") ?? "").trim());
  };

  return (
    <section className="card" aria-labelledby="tracking-title">
      <h2 id="tracking-title">Theo dõi báo cáo</h2>
      <p data-testid="tracked-from">
        Báo cáo định kỳ được tính đúng hạn từ ngày <strong>{formatDate(plan.trackedFrom)}</strong>{" "}
        {plan.trackedFromSet
          ? "(do cơ quan đầu mối đặt)"
          : "(mặc định: ngày nhập kế hoạch vào hệ thống)"}
        . Các kỳ trước ngày này không bị tính là thiếu hay chậm.
      </p>
      {editable && (
        <form
          className="change-form"
          aria-labelledby="tracking-title"
          onSubmit={submit}
          {...errors.formProps}
        >
          <ErrorSummary errors={errors} />
          <div className="field">
            <label htmlFor="tracked-from">Tính báo cáo đúng hạn từ ngày</label>
            <DateInput
              key={plan.trackedFrom}
              id="tracked-from"
              name="trackedFrom"
              required
              defaultValue={plan.trackedFrom}
              {...errors.field("tracked-from")}
            />
            <FieldError errors={errors} id="tracked-from" />
          </div>
          <div className="field">
            <label htmlFor="tracked-reason">Lý do (không bắt buộc)</label>
            <input
              id="tracked-reason"
              name="reason"
              maxLength={2000}
              {...errors.field("tracked-reason")}
            />
            <FieldError errors={errors} id="tracked-reason" />
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              Lưu ngày theo dõi
            </button>
            {plan.trackedFromSet && (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => void save(null, "Về ngày nhập kế hoạch")}
              >
                Về ngày nhập kế hoạch
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
