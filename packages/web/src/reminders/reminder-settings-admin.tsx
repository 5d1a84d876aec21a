import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { PlanSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { PlanOptions } from "../components/plan-options.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldProblem, fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import type { PlanReminderSettings } from "./reminders.api.js";

const fieldOf = fieldsByPath({
  reportDays: { id: "r-report", label: "Nhắc trước hạn báo cáo" },
  deadlineDays: { id: "r-deadline", label: "Nhắc trước thời hạn nhiệm vụ" },
  overdueEveryDays: { id: "r-overdue", label: "Nhắc lại khi quá hạn" },
});
const DAYS_HINT = "Nhập các số ngày cách nhau bằng dấu phẩy, ví dụ “5, 1”.";

/** "5, 1" → [5, 1]; null when a part is not a whole number. */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/**
 * Per plan, when reminders go out: working days before the report day, days before a task's
 * deadline, and the interval of the overdue reminders. A plan without its own settings uses
 * the defaults.
 */
export function ReminderSettingsAdmin() {
  const plans = useResource("plans", (signal) =>
    api<{ items: PlanSummary[] }>("/api/plans", { signal }),
  );
  const [planId, setPlanId] = useState("");
  const settings = useResource(planId ? `/api/plans/${planId}/reminders` : null, (signal) =>
    api<PlanReminderSettings>(`/api/plans/${planId}/reminders`, { signal }),
  );
  const errors = useFormErrors(fieldOf);
  const [saved, setSaved] = useState(false);
  // each save redraws the form from the server's answer (offsets sorted, duplicates dropped)
  const [version, setVersion] = useState(0);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    errors.clear();
    setSaved(false);
    const reportDays = parseDays(String(data.get("reportDays")));
    const deadlineDays = parseDays(String(data.get("deadlineDays")));
    if (!reportDays?.length || !deadlineDays?.length) {
      errors.show(fieldProblem(!reportDays?.length ? "reportDays" : "deadlineDays", DAYS_HINT));
      return;
    }
    try {
      await api(`/api/plans/${planId}/reminders`, {
        method: "PUT",
        body: { reportDays, deadlineDays, overdueEveryDays: Number(data.get("overdueEveryDays")) },
      });
      setSaved(true);
      setVersion((v) => v + 1);
      settings.reload();
    } catch (e) {
      errors.show(e as Error);
    }
  };

  const s = settings.data;
  return (
    <div className="card">
      <h2 id="reminders-title">Mốc nhắc việc theo kế hoạch</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="r-plan">Kế hoạch</label>
          <select
            id="r-plan"
            value={planId}
            onChange={(e) => {
              setPlanId(e.target.value);
              setSaved(false);
              errors.clear();
            }}
          >
            <PlanOptions plans={plans.data?.items ?? []} />
          </select>
        </div>
      </div>
      <ErrorBox error={plans.error ?? settings.error} />
      {planId && settings.loading && !s && <Loading />}
      {s && s.planId === Number(planId) && (
        <form
          key={`${s.planId}:${version}:${s.reportDays.join()}`}
          onSubmit={save}
          aria-labelledby="reminders-title"
          {...errors.formProps}
        >
          <ErrorSummary errors={errors} />
          <p className="hint">
            {s.explicit
              ? "Kế hoạch này có mốc nhắc việc riêng."
              : "Kế hoạch đang dùng mốc mặc định (5 và 1 ngày làm việc; 15, 5 và 1 ngày; nhắc quá hạn mỗi 7 ngày)."}
          </p>
          <div className="filters">
            <div className="field">
              <label htmlFor="r-report">Nhắc trước hạn báo cáo (ngày làm việc)</label>
              <input
                id="r-report"
                name="reportDays"
                defaultValue={s.reportDays.join(", ")}
                required
                {...errors.field("r-report")}
              />
              <FieldError errors={errors} id="r-report" />
            </div>
            <div className="field">
              <label htmlFor="r-deadline">Nhắc trước thời hạn nhiệm vụ (ngày)</label>
              <input
                id="r-deadline"
                name="deadlineDays"
                defaultValue={s.deadlineDays.join(", ")}
                required
                {...errors.field("r-deadline")}
              />
              <FieldError errors={errors} id="r-deadline" />
            </div>
            <div className="field">
              <label htmlFor="r-overdue">Nhắc lại khi quá hạn, mỗi (ngày)</label>
              <input
                id="r-overdue"
                name="overdueEveryDays"
                type="number"
                min={1}
                max={31}
                defaultValue={s.overdueEveryDays}
                required
                {...errors.field("r-overdue")}
              />
              <FieldError errors={errors} id="r-overdue" />
            </div>
          </div>
          <StatusRegion>
            {saved && <p className="alert success">Đã lưu mốc nhắc việc của kế hoạch.</p>}
          </StatusRegion>
          <button type="submit">Lưu mốc nhắc việc</button>
        </form>
      )}
    </div>
  );
}
