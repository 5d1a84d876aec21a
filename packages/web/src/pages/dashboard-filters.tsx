import { vietnamDay } from "@giamsat/core";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { PlanSummary } from "../api/types.js";
import { useChosenOrganisation } from "../api/use-organisation.js";
import { useResource } from "../api/use-resource.js";
import { ExportLink } from "../components/export-link.js";
import { ErrorBox } from "../components/feedback.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { formatDate, isIsoDate } from "../format/date.format.js";
import { planLabel } from "../format/plan.format.js";
import { setQuery, useLocation } from "../router/router.js";
import { DateInput } from "../forms/date-input.js";

/** The view the URL asks for: plan, lead unit, directing leader, and the date (default today). */
export function useDashboardScope() {
  const { query } = useLocation();
  const asOf = isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : vietnamDay();
  const scope = {
    plan: query.get("plan"),
    lead: query.get("lead"),
    leader: query.get("leader"),
    asOf,
  };
  return { asOf, scope, scopeKey: JSON.stringify(scope) };
}

/** What the filters offer: the plans and the directing leaders of the plan. */
function useFilterChoices(plan: string | null) {
  const plans = useResource("plans", (signal) =>
    api<{ items: PlanSummary[] }>("/api/plans", { signal }),
  );
  const leaders = useResource(`leaders ${plan ?? ""}`, (signal) =>
    api<{ items: { leader: string; tasks: number }[] }>("/api/leaders", {
      query: { plan },
      signal,
    }),
  );
  return { plans, leaders };
}

type Props = {
  plans: PlanSummary[];
  leaders: { leader: string; tasks: number }[];
  asOf: string;
};

/**
 * A dashboard page's title, the plan and date it shows, and its filters (the dashboard, the unit
 * scorecards): the same view of the same URL.
 */
export function ScopedHead({
  title,
  asOf,
  plan,
  exportPath,
}: {
  title: string;
  asOf: string;
  plan: string | null;
  /** the endpoint of the page's "Xuất Excel", given the same scope */
  exportPath?: string;
}) {
  const { plans, leaders } = useFilterChoices(plan);
  const { scope } = useDashboardScope();
  const current = plans.data?.items.find((p) => String(p.id) === plan);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="subtitle">
            {current
              ? current.number
                ? `${current.number} — ${current.title ?? ""}`
                : planLabel(current)
              : "Tất cả kế hoạch"}{" "}
            · tính đến ngày {formatDate(asOf)}
          </p>
        </div>
        {exportPath && <ExportLink path={exportPath} query={scope} />}
      </div>
      <DashboardFilters
        plans={plans.data?.items ?? []}
        leaders={leaders.data?.items ?? []}
        asOf={asOf}
      />
      <ErrorBox error={plans.error} />
    </>
  );
}

/**
 * Plan, date, lead unit and directing leader: submitting writes them into the URL so the view
 * can be shared.
 */
function DashboardFilters({ plans, leaders, asOf }: Props) {
  const { query } = useLocation();
  const [lead, setLead] = useChosenOrganisation(query.get("lead"));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim() || null;
    setQuery(
      { plan: value("plan"), asOf: value("asOf"), lead: value("lead"), leader: value("leader") },
      false,
    );
  };

  return (
    <form className="card filters" onSubmit={submit} aria-label="Bộ lọc" key={query.toString()}>
      <div className="field">
        <label htmlFor="f-plan">Kế hoạch</label>
        <select id="f-plan" key={plans.length} name="plan" defaultValue={query.get("plan") ?? ""}>
          <option value="">Tất cả kế hoạch</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.number
                ? `${p.number} — ${(p.title ?? "").slice(0, 60)}`
                : planLabel(p).slice(0, 80)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-asof">Tính đến ngày</label>
        <DateInput id="f-asof" name="asOf" defaultValue={asOf} />
      </div>
      <OrgCombobox
        id="f-lead"
        label="Đơn vị chủ trì"
        kind="unit"
        name="lead"
        placeholder="Tất cả đơn vị"
        value={lead}
        onChange={setLead}
      />
      <div className="field">
        <label htmlFor="f-leader">Lãnh đạo chỉ đạo</label>
        <select
          id="f-leader"
          key={leaders.length}
          name="leader"
          defaultValue={query.get("leader") ?? ""}
        >
          <option value="">Tất cả lãnh đạo</option>
          {leaders.map((l) => (
            <option key={l.leader} value={l.leader}>
              {l.leader} ({l.tasks})
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit">Xem</button>
      </div>
    </form>
  );
}
