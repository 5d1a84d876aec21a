/**
 * An indicator as the API shows it: its kind and direction (the monitoring department's, else
 * inferred, with the inference), targets with their raw text, and its evaluation as of a date.
 */
import {
  evaluateIndicatorAt,
  inferIndicatorKind,
  planTargetYear,
  targetFigure,
  type IndicatorEvaluation,
  type IndicatorInference,
  type IndicatorModel,
  type IndicatorTarget,
  type Target,
  type WarningLevel,
} from "@giamsat/core";
import type { IndicatorPeriodRow, IndicatorRow } from "@giamsat/db";

export type IndicatorItem = {
  id: number;
  planId: number;
  number: string | null;
  name: string;
  unit: string | null;
  kind: IndicatorModel["kind"];
  direction: IndicatorModel["direction"];
  inferred: IndicatorInference;
  /** What the monitoring department set (null parts: inferred); null when it set neither. */
  correction: {
    kind: IndicatorModel["kind"] | null;
    direction: IndicatorModel["direction"] | null;
  } | null;
  frequency: "monthly" | "quarterly" | "yearly";
  responsible: { id: number; name: string } | null;
  targets: { period: string; raw: string; value: number | null }[];
  latest: { period: string; value: number } | null;
  current: number | null;
  achievement: number | null;
  periodAchievement: number | null;
  expected: number | null;
  projection: IndicatorEvaluation["projection"];
  needed: IndicatorEvaluation["needed"];
  warning: WarningLevel;
  warningText: string;
};

const parseTarget = (json: string | null): Target | null =>
  json ? (JSON.parse(json) as Target) : null;

/**
 * The targets per period: the importer's `periods` when the plan gives them, else the
 * indicator's one target for the plan's year (planTargetYear).
 */
export function indicatorTargets(
  row: IndicatorRow,
  periods: readonly IndicatorPeriodRow[],
  planYears: { from: number; to: number },
): IndicatorTarget[] {
  const perPeriod = periods.flatMap((p) => {
    const target = parseTarget(p.targets);
    return target ? [{ period: p.period, target }] : [];
  });
  if (perPeriod.length > 0) return perPeriod;
  const target = parseTarget(row.target);
  if (!target || target.parts.length === 0) return [];
  return [{ period: String(planTargetYear(row.plan_title, planYears)), target }];
}

export type IndicatorSource = {
  row: IndicatorRow;
  periods: readonly IndicatorPeriodRow[];
  values: readonly { period: string; value: number }[];
  planYears: { from: number; to: number };
  calendarFrequency: "monthly" | "quarterly";
};

export function indicatorItem(source: IndicatorSource, asOf: string): IndicatorItem {
  const { row } = source;
  const targets = indicatorTargets(row, source.periods, source.planYears);
  const inferred = inferIndicatorKind({
    name: row.name,
    unit: row.unit,
    target: parseTarget(row.target),
  });
  const model: IndicatorModel = {
    kind: row.kind ?? inferred.kind,
    direction: row.direction ?? inferred.direction,
    unit: row.unit,
    targets,
  };
  const result = evaluateIndicatorAt(model, source.values, asOf, {
    start: `${source.planYears.from}-01-01`,
  });
  return {
    id: row.id,
    planId: row.plan_id,
    number: row.number,
    name: row.name,
    unit: row.unit,
    kind: model.kind,
    direction: model.direction,
    inferred,
    correction:
      row.kind === null && row.direction === null
        ? null
        : { kind: row.kind, direction: row.direction },
    frequency: row.frequency ?? source.calendarFrequency,
    responsible:
      row.lead_org_id === null ? null : { id: row.lead_org_id, name: row.lead_name ?? "" },
    targets: targets.map((t) => ({
      period: t.period,
      raw: t.target.raw,
      value: targetFigure(t.target)?.value ?? null,
    })),
    latest: result.latest,
    current: result.current,
    achievement: result.achievement,
    periodAchievement: result.periodAchievement,
    expected: result.expected,
    projection: result.projection,
    needed: result.needed,
    warning: result.warning,
    warningText: result.warningText,
  };
}
