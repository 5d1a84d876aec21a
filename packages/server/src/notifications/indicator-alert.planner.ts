/**
 * Indicator alerts of the day: every indicator whose evaluation as of the day is `at_risk` or
 * `off_track` is told to its responsible unit (staff and heads) and to the monitoring
 * department. The outbox key (indicator, level, period of the latest accepted value) makes it
 * once per indicator, level and period: the daily run repeats nothing until a new value is
 * accepted or the level changes.
 */
import {
  indicatorAlertMessage,
  INDICATOR_ALERT_LEVELS,
  type IndicatorAlertLevel,
} from "@giamsat/core";
import { listIndicatorRows } from "@giamsat/db";
import type { Ctx } from "../services/context.js";
import { evaluateIndicatorRows } from "../services/indicator-live.service.js";
import type { Audience, Told } from "./fanout.js";

const isAlert = (level: string): level is IndicatorAlertLevel =>
  (INDICATOR_ALERT_LEVELS as readonly string[]).includes(level);

export async function planIndicatorAlerts(ctx: Ctx, asOf: string): Promise<Told[]> {
  const items = await evaluateIndicatorRows(ctx, await listIndicatorRows(ctx.db, {}), asOf);
  const alerts = items.filter((i) => isAlert(i.warning) && i.latest);
  if (!alerts.length) return [];
  const out: Told[] = [];
  for (const i of alerts) {
    const level = i.warning as IndicatorAlertLevel;
    const period = i.latest!.period;
    const message = indicatorAlertMessage(
      {
        unitName: i.responsible?.name ?? "đơn vị chủ trì",
        indicator: { id: i.id, number: i.number, name: i.name },
        level,
        period,
        asOf,
        warningText: i.warningText,
      },
      ctx.config.siteUrl,
    );
    const to: Audience[] = [
      ...(i.responsible ? [{ orgId: i.responsible.id, audience: "unit" as const }] : []),
      { orgId: null, audience: "monitor" },
    ];
    for (const audience of to) {
      out.push({
        key: { rule: "indicator_warning", item: `indicator:${i.id}`, period, step: level },
        to: audience,
        message,
      });
    }
  }
  return out;
}
