import { addMonths, formatPeriodKey, vietnamDay } from "@giamsat/core";
import { api } from "../api/client.js";
import type { Organisation, PlanSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { OrgCombobox } from "./org-combobox.js";

export type ReviewFilter = { plan: string; kind: string; period: string; org: Organisation | null };

export const NO_REVIEW_FILTER: ReviewFilter = { plan: "", kind: "", period: "", org: null };

/** The last twelve months and the last four quarters, newest first, as period keys. */
function recentPeriods(today: string): string[] {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(today, -i).slice(0, 7));
  const quarters = [
    ...new Set(
      Array.from({ length: 12 }, (_, i) => {
        const day = addMonths(today, -i);
        return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
      }),
    ),
  ].slice(0, 4);
  return [...months, ...quarters];
}

/** The review queue's filters: plan, reporting unit (the searchable picker), kind of task, period. */
export function ReviewFilters({
  value,
  onChange,
}: {
  value: ReviewFilter;
  onChange: (next: ReviewFilter) => void;
}) {
  const plans = useResource("plans", (signal) =>
    api<{ items: PlanSummary[] }>("/api/plans", { signal }),
  );
  return (
    <div className="filters" role="group" aria-label="Lọc báo cáo chờ duyệt">
      <div className="field">
        <label htmlFor="rf-plan">Kế hoạch</label>
        <select
          id="rf-plan"
          value={value.plan}
          onChange={(e) => onChange({ ...value, plan: e.target.value })}
        >
          <option value="">Tất cả</option>
          {(plans.data?.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.number ?? p.title ?? `Kế hoạch ${p.id}`}
            </option>
          ))}
        </select>
      </div>
      <OrgCombobox
        id="rf-org"
        label="Đơn vị báo cáo"
        placeholder="Mọi đơn vị — gõ tên, không cần dấu"
        value={value.org}
        onChange={(org) => onChange({ ...value, org })}
      />
      <div className="field">
        <label htmlFor="rf-kind">Loại nhiệm vụ</label>
        <select
          id="rf-kind"
          value={value.kind}
          onChange={(e) => onChange({ ...value, kind: e.target.value })}
        >
          <option value="">Tất cả</option>
          <option value="time-bound">Có thời hạn</option>
          <option value="recurring">Thường xuyên</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="rf-period">Kỳ báo cáo</label>
        <select
          id="rf-period"
          value={value.period}
          onChange={(e) => onChange({ ...value, period: e.target.value })}
        >
          <option value="">Tất cả</option>
          {recentPeriods(vietnamDay()).map((key) => (
            <option key={key} value={key}>
              {formatPeriodKey(key)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
