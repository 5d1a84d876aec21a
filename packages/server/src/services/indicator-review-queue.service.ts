/**
 * Indicator values waiting for review, oldest first, each with its indicator, the latest
 * accepted value before its period and its review flags (core indicatorValueFlags): the review
 * queue's previews. A unit sees only values of indicators it leads.
 */
import { indicatorValueFlags, type IndicatorValue } from "@giamsat/core";
import { acceptedIndicatorValues, listIndicatorRows, pendingIndicatorValues } from "@giamsat/db";
import type { Actor } from "./actor.js";
import type { Ctx } from "./context.js";
import {
  indicatorRef,
  indicatorValueView,
  type IndicatorRef,
  type IndicatorValueView,
} from "./indicator-value.view.js";

export type PendingIndicatorValue = IndicatorValueView & {
  indicator: IndicatorRef;
  previous: IndicatorValue | null;
};

export async function listPendingIndicatorValues(
  ctx: Ctx,
  actor: Actor,
): Promise<{ items: PendingIndicatorValue[]; total: number }> {
  const pending = await pendingIndicatorValues(ctx.db, actor.units);
  const ids = [...new Set(pending.map((v) => v.indicator_id))];
  const [indicators, accepted] = await Promise.all([
    listIndicatorRows(ctx.db, { ids }),
    acceptedIndicatorValues(ctx.db, ids),
  ]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const items = pending.flatMap((v): PendingIndicatorValue[] => {
    const indicator = byId.get(v.indicator_id);
    if (!indicator) return [];
    const history = accepted.filter((a) => a.indicator_id === v.indicator_id);
    const previous = history
      .filter((a) => a.period < v.period)
      .sort((a, b) => a.period.localeCompare(b.period))
      .at(-1);
    return [
      {
        ...indicatorValueView(v, indicatorValueFlags(indicator, v, history)),
        indicator: indicatorRef(indicator),
        previous: previous ? { period: previous.period, value: previous.value } : null,
      },
    ];
  });
  return { items, total: items.length };
}
