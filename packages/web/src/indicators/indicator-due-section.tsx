import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox } from "../components/feedback.js";
import { Link } from "../router/link.js";
import type { DueIndicatorValue } from "./indicator.types.js";

const STATE_LABELS: Record<DueIndicatorValue["state"], string> = {
  missing: "Chưa báo cáo",
  returned: "Bị trả lại, cần báo cáo lại",
  submitted: "Đã gửi, chờ thẩm định",
};

/** The unit's inbox: the indicator values it is asked for this period (GET /api/indicators/due). */
export function IndicatorDueSection() {
  const due = useResource("indicators-due", (signal) =>
    api<{ items: DueIndicatorValue[] }>("/api/indicators/due", { signal }),
  );
  const items = due.data?.items ?? [];
  if (!due.error && items.length === 0) return null;
  const open = items.filter((d) => d.state !== "submitted").length;
  return (
    <section className="card" aria-labelledby="due-values-title" data-testid="indicators-due">
      <h2 id="due-values-title">Giá trị chỉ tiêu cần báo cáo ({open})</h2>
      <ErrorBox error={due.error} />
      <ul className="due-values">
        {items.map((d) => (
          <li key={`${d.indicator.id} ${d.period}`}>
            <Link to={`/chi-tieu/${d.indicator.id}?ky=${d.period}`}>
              {d.indicator.planNumber ? `${d.indicator.planNumber} · ` : ""}
              Chỉ tiêu {d.indicator.number ?? ""}: {d.indicator.name}
            </Link>{" "}
            <span className={d.state === "submitted" ? "muted" : "due-state"}>
              — {d.periodLabel}: {STATE_LABELS[d.state]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
