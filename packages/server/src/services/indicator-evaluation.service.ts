/**
 * The stored evaluation of every indicator (issue 12, migration 0018). The ONE evaluation
 * (evaluateIndicatorRows → core's evaluateIndicatorAt) is computed ahead and stored per
 * indicator, as of today (Vietnam day):
 * - in the same transaction as whatever changes its inputs: a value accepted or returned, the
 *   .xlsx values import, a kind/direction correction, a plan import or re-import, a calendar
 *   change (callers pass their transaction as `ctx.db`);
 * - for every indicator whose row is missing or was computed for another day: at server start,
 *   by the daily job just after midnight, and before the list reads them if neither ran yet.
 * The list, the dashboard's tiles and the warning filter read the stored rows; past dates and
 * the indicator's own page evaluate live.
 */
import { vietnamDay } from "@giamsat/core";
import { sql } from "kysely";
import {
  hasOutdatedIndicatorEvaluation,
  listIndicatorRows,
  saveIndicatorEvaluations,
  staleIndicatorIds,
  type IndicatorRow,
} from "@giamsat/db";
import type { Ctx } from "./context.js";
import { evaluateIndicatorRows } from "./indicator-live.service.js";

/** Indicators evaluated per batch (one query per table per batch). */
const BATCH = 1000;

async function store(ctx: Ctx, rows: readonly IndicatorRow[], asOf: string): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const items = await evaluateIndicatorRows(ctx, batch, asOf);
    await saveIndicatorEvaluations(
      ctx.db,
      items.map((item, n) => ({
        indicator_id: item.id,
        plan_id: item.planId,
        appendix_id: batch[n]!.appendix_id,
        ordinal: batch[n]!.ordinal,
        lead_org_id: batch[n]!.lead_org_id,
        as_of: asOf,
        warning: item.warning,
        item: JSON.stringify(item),
      })),
    );
  }
}

/** Re-evaluates and stores these indicators as of today. */
export async function refreshIndicatorEvaluations(
  ctx: Ctx,
  ids: readonly number[],
  asOf = vietnamDay(),
): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    await store(ctx, await listIndicatorRows(ctx.db, { ids: ids.slice(i, i + BATCH) }), asOf);
  }
}

/** Re-evaluates and stores every indicator of a plan as of today. */
export async function refreshPlanIndicatorEvaluations(
  ctx: Ctx,
  planId: number,
  asOf = vietnamDay(),
): Promise<void> {
  await store(ctx, await listIndicatorRows(ctx.db, { planId }), asOf);
}

/**
 * Stores the evaluation of every indicator whose row is missing or was computed for another day
 * (the backfill at start and the daily job); one transaction per batch. Answers how many.
 */
export async function refreshOutdatedIndicatorEvaluations(
  ctx: Ctx,
  asOf = vietnamDay(),
): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await staleIndicatorIds(ctx.db, asOf, BATCH);
    if (ids.length === 0) return done;
    await ctx.db
      .transaction()
      .execute((trx) => refreshIndicatorEvaluations({ ...ctx, db: trx }, ids, asOf));
    done += ids.length;
  }
}

/** Whether some indicator has no stored evaluation for `asOf` (two counts and one index probe). */
export async function indicatorEvaluationsOutdated(ctx: Ctx, asOf: string): Promise<boolean> {
  const counts = await sql<{ indicators: number | string; stored: number | string }>`
    SELECT (SELECT COUNT(*) FROM indicators) AS indicators,
           (SELECT COUNT(*) FROM indicator_evaluations) AS stored`.execute(ctx.db);
  const row = counts.rows[0]!;
  if (Number(row.indicators) !== Number(row.stored)) return true;
  return hasOutdatedIndicatorEvaluation(ctx.db, asOf);
}
