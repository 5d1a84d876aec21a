import { apiUrl, api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox } from "../components/feedback.js";
import { Link } from "../router/link.js";
import type { WarningLevel } from "./indicator.types.js";

/** The tiles in reading order: what needs the leader's attention first. */
const TILES: { warning: WarningLevel; label: string }[] = [
  { warning: "off_track", label: "chậm, khó đạt" },
  { warning: "at_risk", label: "có nguy cơ không đạt" },
  { warning: "no_data", label: "chưa có số liệu" },
  { warning: "on_track", label: "đúng tiến độ" },
  { warning: "achieved", label: "đã đạt" },
];

/**
 * The leader's indicator tiles ("3 chỉ tiêu có nguy cơ không đạt"), each opening the indicator
 * list filtered by that warning level, as of the dashboard's date and for its plan.
 */
export function IndicatorTiles({ plan, asOf }: { plan: string | null; asOf: string }) {
  const summary = useResource(`indicator-tiles ${plan ?? ""} ${asOf}`, (signal) =>
    api<{ total: number; counts: Record<WarningLevel, number> }>("/api/indicators", {
      query: { plan, asOf, limit: 1 },
      signal,
    }),
  );
  if (summary.error) return <ErrorBox error={summary.error} />;
  if (!summary.data || summary.data.total === 0) return null;
  const { counts } = summary.data;
  return (
    <section aria-labelledby="indicator-tiles-title">
      <h2 id="indicator-tiles-title">Chỉ tiêu</h2>
      <div className="stat-grid" data-testid="indicator-tiles">
        {TILES.map(({ warning, label }) => (
          <Link
            key={warning}
            to={apiUrl("/chi-tieu", { warning, plan, asOf })}
            className={`stat w-${warning}`}
            data-warning={warning}
          >
            <span className="value">{counts[warning]}</span>
            <span className="label">chỉ tiêu {label}</span>
          </Link>
        ))}
      </div>
    </section>
  );
}
