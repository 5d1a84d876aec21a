import { STATUS_LABELS, STATUS_SHORT_LABELS, isStatusCode } from "@giamsat/core";

/** A coloured status chip; the full Government Office wording is its tooltip and accessible name. */
export function StatusChip({ status, days }: { status: string; days?: number | null }) {
  if (!isStatusCode(status)) return <span className="chip neutral">{status}</span>;
  const suffix = status === "overdue" && days ? ` ${days} ngày` : "";
  return (
    <span className={`chip s-${status}`} title={STATUS_LABELS[status]}>
      {STATUS_SHORT_LABELS[status]}
      {suffix}
    </span>
  );
}
