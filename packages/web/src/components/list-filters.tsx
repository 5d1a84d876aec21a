import { STATUS_CODES, STATUS_LABELS } from "@giamsat/core";
import { DateInput } from "../forms/date-input.js";
import { setQuery } from "../router/router.js";
import { useSearchParam } from "../router/use-search-param.js";

/** The fields task lists share, each bound to the URL (`?q=`, `?status=`, `?asOf=`). */

/** A search box over names and numbers, diacritics optional (`?q=`, sent after a pause). */
export function SearchField({
  id,
  label = "Tìm nhiệm vụ",
  placeholder = "Tên hoặc số, gõ có dấu hay không dấu",
}: {
  id: string;
  label?: string;
  placeholder?: string;
}) {
  const [search, setSearch] = useSearchParam();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={search}
        placeholder={placeholder}
        onChange={(e) => setSearch(e.target.value)}
      />
    </div>
  );
}

/** A status as of the list's date (`?status=`), back to the first page when changed. */
export function StatusField({ id, status, all }: { id: string; status: string; all: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>Tình trạng</label>
      <select
        id={id}
        value={status}
        onChange={(e) => setQuery({ status: e.target.value, trang: null })}
      >
        <option value="">{all}</option>
        {STATUS_CODES.map((code) => (
          <option key={code} value={code}>
            {STATUS_LABELS[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The day statuses are evaluated on (`?asOf=`), typed dd/mm/yyyy. */
export function AsOfField({ id, asOf }: { id: string; asOf: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>Tính đến ngày</label>
      <DateInput id={id} value={asOf} onChange={(day) => setQuery({ asOf: day })} />
    </div>
  );
}
