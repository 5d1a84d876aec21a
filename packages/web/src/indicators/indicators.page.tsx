import { vietnamDay } from "@giamsat/core";
import { isIsoDate, formatDate } from "../format/date.format.js";
import { Link } from "../router/link.js";
import { setQuery, useLocation } from "../router/router.js";
import { WARNING_LABELS } from "./indicator.format.js";
import { IndicatorTable } from "./indicator-table.js";
import type { WarningLevel } from "./indicator.types.js";

/** Every indicator in the user's scope as of a date, filtered by warning level (and plan). */
export function IndicatorsPage() {
  const { query } = useLocation();
  const asOf = isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : vietnamDay();
  const plan = query.get("plan");
  const warning = query.get("warning");
  const page = Math.max(1, Number(query.get("trang")) || 1);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Tổng quan</Link>
        {plan && (
          <>
            {" "}
            › <Link to={`/ke-hoach/${plan}?asOf=${asOf}`}>Kế hoạch</Link>
          </>
        )}
      </p>
      <h1>Chỉ tiêu tại ngày {formatDate(asOf)}</h1>
      <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="warning-filter">Mức cảnh báo</label>
          <select
            id="warning-filter"
            value={warning ?? ""}
            onChange={(e) => setQuery({ warning: e.target.value, trang: null })}
          >
            <option value="">Tất cả</option>
            {(Object.keys(WARNING_LABELS) as WarningLevel[]).map((w) => (
              <option key={w} value={w}>
                {WARNING_LABELS[w]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <IndicatorTable plan={plan} warning={warning} asOf={asOf} page={page} />
    </>
  );
}
