/** An indicator value as the API shows it: period label, author, review, and its review flags. */
import { formatIndicatorPeriod, type ValueFlag } from "@giamsat/core";
import type { IndicatorRow, IndicatorValueRow, IndicatorValueStatus } from "@giamsat/db";

/** An indicator as lists of values name it (review queue, inbox). */
export type IndicatorRef = {
  id: number;
  planId: number;
  planNumber: string | null;
  number: string | null;
  name: string;
  unit: string | null;
  responsible: string | null;
};

export const indicatorRef = (row: IndicatorRow): IndicatorRef => ({
  id: row.id,
  planId: row.plan_id,
  planNumber: row.plan_number,
  number: row.number,
  name: row.name,
  unit: row.unit,
  responsible: row.lead_name,
});

export type IndicatorValueView = {
  id: number;
  period: string;
  periodLabel: string;
  value: number;
  status: IndicatorValueStatus;
  note: string | null;
  evidence: string | null;
  source: string;
  submittedBy: { id: number; name: string | null; at: string };
  reviewedBy: { id: number; name: string | null; at: string | null; comment: string | null } | null;
  /** What the monitoring department should look at before accepting (core indicatorValueFlags). */
  flags: ValueFlag[];
};

export function indicatorValueView(v: IndicatorValueRow, flags: ValueFlag[]): IndicatorValueView {
  return {
    id: v.id,
    period: v.period,
    periodLabel: formatIndicatorPeriod(v.period),
    value: v.value,
    status: v.status,
    note: v.note,
    evidence: v.evidence,
    source: v.source,
    submittedBy: { id: v.submitted_by, name: v.submitted_by_name, at: v.submitted_at },
    reviewedBy:
      v.reviewed_by === null
        ? null
        : {
            id: v.reviewed_by,
            name: v.reviewed_by_name,
            at: v.reviewed_at,
            comment: v.review_comment,
          },
    flags,
  };
}
