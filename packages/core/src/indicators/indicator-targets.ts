/**
 * Which of an indicator's targets governs a date: the target of the period that contains it
 * (the shortest such period), and the year's target — the one ending in the date's year, else
 * the next one ending later (a target in a later year), else the last one.
 */
import type { Target } from "../import/contract.js";
import type { IndicatorTarget } from "./indicator.model.js";
import { daysBetween } from "../status/dates.js";
import { periodSpan, type PeriodSpan } from "./indicator-period.js";

export type TargetInForce = IndicatorTarget & PeriodSpan;

/**
 * The figure a target asks for (`value`: the bound, a range's lower end) and the band that
 * meets it: `>= 80` is 80..∞, `<= 10` is −∞..10, `= 5` is 5..5, `2–4` is 2..4.
 */
export type TargetFigure = { value: number; low: number; high: number };

function spanned(targets: readonly IndicatorTarget[]): TargetInForce[] {
  return targets
    .flatMap((t) => {
      const span = periodSpan(t.period);
      return span ? [{ ...t, ...span }] : [];
    })
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.start > b.start ? -1 : 1));
}

const length = (t: TargetInForce) => daysBetween(t.start, t.end);

export function periodTargetAt(
  targets: readonly IndicatorTarget[],
  asOf: string,
): TargetInForce | null {
  const containing = spanned(targets).filter((t) => t.start <= asOf && asOf <= t.end);
  return (
    containing.sort((a, b) => length(a) - length(b) || (a.start > b.start ? -1 : 1))[0] ?? null
  );
}

export function yearTargetAt(
  targets: readonly IndicatorTarget[],
  asOf: string,
): TargetInForce | null {
  const all = spanned(targets);
  const year = asOf.slice(0, 4);
  const endingThisYear = all.filter((t) => t.end.startsWith(year));
  return (
    all.find((t) => t.period === year) ??
    endingThisYear.sort((a, b) => length(b) - length(a))[0] ??
    all.find((t) => t.end > asOf) ??
    all.at(-1) ??
    null
  );
}

/** The target ending last before `start`: where the path to the next target begins. */
export function previousTarget(
  targets: readonly IndicatorTarget[],
  start: string,
): TargetInForce | null {
  return (
    spanned(targets)
      .filter((t) => t.end < start)
      .at(-1) ?? null
  );
}

/** The first part with a figure (unscoped parts first); an open range ends at Infinity. */
export function targetFigure(target: Target): TargetFigure | null {
  const parts = target.parts.filter((p) => p.op !== "increase" && p.value !== null);
  const part = parts.find((p) => p.scope === null) ?? parts[0];
  if (!part || part.value === null) return null;
  const value = part.value;
  if (part.op === "range") return { value, low: value, high: part.max ?? Infinity };
  if (part.op === ">=") return { value, low: value, high: Infinity };
  if (part.op === "<=") return { value, low: -Infinity, high: value };
  return { value, low: value, high: value };
}
