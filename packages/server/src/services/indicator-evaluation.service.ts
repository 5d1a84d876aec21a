/**
 * The stored evaluation of every indicator (migration 0018). The ONE evaluation
 * (evaluateIndicatorRows → core's evaluateIndicatorAt) is computed ahead and stored per
 * indicator, as of today (Vietnam day):
 * - in the same transaction as whatever changes its inputs: a value accepted or returned, the
 *   .xlsx values import, a kind/direction correction, a plan import or re-import, a calendar
 *   change (callers pass their transaction as `ctx.db`);
 * - for every indicator whose row is missing, waiting (a plan import marks its indicators' rows
 *   so) or was computed for another day: at server start, by the daily job just after midnight,
 *   by `giamsat indicators refresh`, and before the list reads them if none of these ran yet.
 * The list, the dashboard's tiles and the warning filter read the stored rows; past dates and
 * the indicator's own page evaluate live.
 */
import {
  listIndicatorRows,
  saveIndicatorEvaluations,
  staleIndicatorIds,
  tidyIndicatorEvaluations,
  type IndicatorRow,
} from "@giamsat/db";
import { todayOf, type Ctx } from "./context.js";
import { evaluateIndicatorRows } from "./indicator-live.service.js";

/** Indicators evaluated per batch (one query per table per batch). */
const BATCH = 1000;
/** After refreshing at least this many rows, the table's statistics are refreshed too. */
const TIDY_AFTER = 1000;

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
  asOf = todayOf(ctx),
): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    await store(ctx, await listIndicatorRows(ctx.db, { ids: ids.slice(i, i + BATCH) }), asOf);
  }
}

/** Re-evaluates and stores every indicator of a plan as of today. */
export async function refreshPlanIndicatorEvaluations(
  ctx: Ctx,
  planId: number,
  asOf = todayOf(ctx),
): Promise<void> {
  await store(ctx, await listIndicatorRows(ctx.db, { planId }), asOf);
}

/**
 * Stores the evaluation of every indicator whose row is missing, waiting or was computed for
 * another day (the backfill at start and the daily job); one transaction per batch; then, after
 * a large refresh, the table's statistics. Answers how many.
 */
export async function refreshOutdatedIndicatorEvaluations(
  ctx: Ctx,
  asOf = todayOf(ctx),
): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await staleIndicatorIds(ctx.db, asOf, BATCH);
    if (ids.length === 0) {
      if (done >= TIDY_AFTER) await tidyIndicatorEvaluations(ctx.db);
      return done;
    }
    await ctx.db
      .transaction()
      .execute((trx) => refreshIndicatorEvaluations({ ...ctx, db: trx }, ids, asOf));
    done += ids.length;
  }
}

/**
 * Re-evaluates and stores every indicator (of one plan, or all) as of today, whatever its row
 * holds — `giamsat indicators refresh`; one transaction per batch. Answers how many.
 */
export async function refreshAllIndicatorEvaluations(
  ctx: Ctx,
  planId?: number,
  asOf = todayOf(ctx),
): Promise<number> {
  const rows = await listIndicatorRows(ctx.db, planId === undefined ? {} : { planId });
  for (let i = 0; i < rows.length; i += BATCH) {
    await ctx.db
      .transaction()
      .execute((trx) => store({ ...ctx, db: trx }, rows.slice(i, i + BATCH), asOf));
  }
  if (rows.length >= TIDY_AFTER) await tidyIndicatorEvaluations(ctx.db);
  return rows.length;
}
