import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { CalendarView, PlanSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { PlanOptions } from "../components/plan-options.js";

const fieldOf = fieldsByPath({
  frequency: { id: "c-frequency", label: "Kỳ báo cáo" },
  dueDay: { id: "c-day", label: "Hạn gửi" },
});

const FREQUENCY = { monthly: "Hằng tháng", quarterly: "Hằng quý (tháng cuối quý)" } as const;

/** Reporting calendars: per plan, monthly or quarterly, reports due before a day of the month. */
export function AdminCalendars() {
  const calendars = useResource("calendars", (signal) =>
    api<{ items: CalendarView[] }>("/api/calendars", { signal }),
  );
  const plans = useResource("plans", (signal) =>
    api<{ items: PlanSummary[] }>("/api/plans", { signal }),
  );
  const errors = useFormErrors(fieldOf);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    errors.clear();
    try {
      await api(`/api/plans/${String(data.get("planId"))}/calendar`, {
        method: "PUT",
        body: { frequency: String(data.get("frequency")), dueDay: Number(data.get("dueDay")) },
      });
      calendars.reload();
    } catch (e) {
      errors.show(e as Error);
    }
  };

  return (
    <>
      <form className="card" onSubmit={save} aria-labelledby="cal-title" {...errors.formProps}>
        <h2 id="cal-title">Đặt lịch báo cáo cho kế hoạch</h2>
        <ErrorSummary errors={errors} />
        <div className="filters">
          <div className="field">
            <label htmlFor="c-plan">Kế hoạch</label>
            <select id="c-plan" name="planId" required defaultValue="" {...errors.field("c-plan")}>
              <PlanOptions plans={plans.data?.items ?? []} />
            </select>
            <FieldError errors={errors} id="c-plan" />
          </div>
          <div className="field">
            <label htmlFor="c-frequency">Kỳ báo cáo</label>
            <select
              id="c-frequency"
              name="frequency"
              defaultValue="monthly"
              {...errors.field("c-frequency")}
            >
              {Object.entries(FREQUENCY).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
            <FieldError errors={errors} id="c-frequency" />
          </div>
          <div className="field">
            <label htmlFor="c-day">Hạn gửi: trước ngày</label>
            <input
              id="c-day"
              name="dueDay"
              type="number"
              min={2}
              max={31}
              defaultValue={20}
              required
              {...errors.field("c-day")}
            />
            <FieldError errors={errors} id="c-day" />
          </div>
        </div>
        <button type="submit">Lưu lịch báo cáo</button>
      </form>
      <ErrorBox error={calendars.error} />
      {calendars.loading && !calendars.data && <Loading />}
      <div className="table-wrap cards">
        <table>
          <thead>
            <tr>
              <th>Kế hoạch</th>
              <th>Kỳ báo cáo</th>
              <th>Hạn gửi</th>
            </tr>
          </thead>
          <tbody>
            {(calendars.data?.items ?? []).map((c) => (
              <tr key={c.planId}>
                <td>{c.planNumber ?? c.planId}</td>
                <td data-label="Kỳ">{FREQUENCY[c.frequency]}</td>
                <td data-label="Hạn gửi">
                  Trước ngày {c.dueDay}
                  {c.explicit ? "" : " (mặc định)"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
