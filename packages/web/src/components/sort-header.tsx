import { SortIcon } from "./icons.js";

/** A sortable column header: a click asks for this column (the caller decides the direction). */
export function SortHeader({
  label,
  active,
  desc,
  numeric = false,
  onSort,
}: {
  label: string;
  active: boolean;
  desc: boolean;
  numeric?: boolean;
  onSort: () => void;
}) {
  return (
    <th
      aria-sort={active ? (desc ? "descending" : "ascending") : "none"}
      className={numeric ? "num" : undefined}
    >
      <button type="button" className="sort" onClick={onSort}>
        {label}
        {active && <SortIcon desc={desc} />}
      </button>
      {/* Chromium does not repeat buttons in a printed table's header on later pages */}
      <span className="print-label" aria-hidden="true">
        {label}
      </span>
    </th>
  );
}
