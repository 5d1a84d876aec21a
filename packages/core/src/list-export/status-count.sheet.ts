import type { AnnexColumn, AnnexCell } from "../periodic-report/periodic-report.model.js";
import { STATUS_CODES, STATUS_LABELS, STATUS_SHORT_LABELS } from "../status/status-labels.js";
import type { StatusCode } from "../status/status-labels.js";

export type StatusCounts = Record<StatusCode, number>;

/** The dashboard's counts by status: one row per status with its share of `total`. */
export const STATUS_COUNT_COLUMNS: AnnexColumn[] = [
  { title: "Tình trạng", widthMm: 70, kind: "text" },
  { title: "Số nhiệm vụ", widthMm: 22, kind: "number" },
  { title: "Tỷ lệ", widthMm: 18, kind: "percent" },
];

export function statusCountRows(counts: StatusCounts, total: number): AnnexCell[][] {
  return STATUS_CODES.map((code) => [
    STATUS_LABELS[code],
    counts[code],
    total > 0 ? counts[code] / total : null,
  ]);
}

/** The dashboard's lead units: each with its total and its count in every status. */
export const LEAD_COUNT_COLUMNS: AnnexColumn[] = [
  { title: "Đơn vị chủ trì", widthMm: 80, kind: "text" },
  { title: "Tổng số", widthMm: 18, kind: "number" },
  ...STATUS_CODES.map((code): AnnexColumn => ({
    title: STATUS_SHORT_LABELS[code],
    widthMm: 22,
    kind: "number",
  })),
];

export function leadCountRow(lead: {
  name: string;
  total: number;
  counts: StatusCounts;
}): AnnexCell[] {
  return [lead.name, lead.total, ...STATUS_CODES.map((code) => lead.counts[code])];
}
