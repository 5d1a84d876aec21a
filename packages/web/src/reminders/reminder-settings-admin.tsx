import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { PlanSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { PlanOptions } from "../components/plan-options.js";
import type { PlanReminderSettings } from "./reminders.api.js";

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
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  // each save redraws the form from the server's answer (offsets sorted, duplicates dropped)
  const [version, setVersion] = useState(0);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    setSaved(false);
    const reportDays = parseDays(String(data.get("reportDays")));
    const deadlineDays = parseDays(String(data.get("deadlineDays")));
    if (!reportDays?.length || !deadlineDays?.length) {
      setError(
        new Error(
          `${!reportDays?.length ? "Nhắc trước hạn báo cáo" : "Nhắc trước thời hạn nhiệm vụ"}: nhập các số ngày cách nhau bằng dấu phẩy, ví dụ “5, 1”.`,
        ),
      );
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
      setError(e as Error);
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
              setError(null);
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
        >
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
              />
            </div>
            <div className="field">
              <label htmlFor="r-deadline">Nhắc trước thời hạn nhiệm vụ (ngày)</label>
              <input
                id="r-deadline"
                name="deadlineDays"
                defaultValue={s.deadlineDays.join(", ")}
                required
              />
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
              />
            </div>
          </div>
          <StatusRegion>
            {saved && <p className="alert success">Đã lưu mốc nhắc việc của kế hoạch.</p>}
          </StatusRegion>
          <button type="submit">Lưu mốc nhắc việc</button>
        </form>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
