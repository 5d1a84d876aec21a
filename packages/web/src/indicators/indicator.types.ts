/** Indicators as the API returns them (GET /api/indicators, GET /api/indicators/:id). */
export type WarningLevel = "achieved" | "on_track" | "at_risk" | "off_track" | "no_data";

export type IndicatorItem = {
  id: number;
  planId: number;
  number: string | null;
  name: string;
  unit: string | null;
  kind: "level" | "cumulative" | "in_period";
  direction: "higher" | "lower" | "range";
  inferred: {
    kind: IndicatorItem["kind"];
    direction: IndicatorItem["direction"];
    reasons: string[];
  };
  /** What the monitoring department set (PUT /api/indicators/:id/kind); null parts: inferred. */
  correction: {
    kind: IndicatorItem["kind"] | null;
    direction: IndicatorItem["direction"] | null;
  } | null;
  frequency: "monthly" | "quarterly" | "yearly";
  responsible: { id: number; name: string } | null;
  targets: { period: string; raw: string; value: number | null }[];
  latest: { period: string; value: number } | null;
  current: number | null;
  achievement: number | null;
  expected: number | null;
  projection: { period: string; value: number; low: number; high: number } | null;
  warning: WarningLevel;
  warningText: string;
};

export type IndicatorValue = {
  id: number;
  period: string;
  periodLabel: string;
  value: number;
  status: "submitted" | "accepted" | "returned" | "superseded";
  note: string | null;
  evidence: string | null;
  source: string;
  submittedBy: { id: number; name: string | null; at: string };
  reviewedBy: { id: number; name: string | null; at: string | null; comment: string | null } | null;
  flags: ValueFlag[];
};

/** A review flag of a value (core indicatorValueFlags). */
export type ValueFlag = {
  code: "rate_over_100" | "negative_rate" | "far_from_history";
  text: string;
};

/** GET /api/indicator-values/pending: a value waiting for review, with its indicator. */
export type PendingIndicatorValue = IndicatorValue & {
  indicator: {
    id: number;
    planId: number;
    planNumber: string | null;
    number: string | null;
    name: string;
    unit: string | null;
    responsible: string | null;
  };
  previous: { period: string; value: number } | null;
};

export type IndicatorDetail = IndicatorItem & { asOf: string; values: IndicatorValue[] };

/** POST /api/indicator-values/import/preview: the rows to store and every error by row, column. */
export type SheetPreview = {
  rows: {
    line: number;
    indicatorId: number;
    number: string | null;
    name: string;
    unit: string | null;
    period: string;
    periodLabel: string;
    value: number;
    note: string | null;
    evidence: string | null;
    corrects: number | null;
  }[];
  errors: { line: number; column: string | null; message: string }[];
};
