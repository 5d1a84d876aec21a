/**
 * Indicators: listed and evaluated as of a date within the actor's units; values
 * reported by the responsible unit, reviewed by the monitoring department; only accepted values
 * count. Every write is audited in its own transaction.
 */
import {
  checkPeriodInPlanYears,
  ConflictError,
  ForbiddenError,
  formatIndicatorPeriod,
  indicatorValueFlags,
  NotFoundError,
  valuePeriodSpan,
  ValidationError,
  WARNING_LEVELS,
  type WarningLevel,
} from "@giamsat/core";
import {
  acceptedIndicatorValue,
  findIndicatorValue,
  hasOutdatedIndicatorEvaluation,
  indicatorValueHistory,
  insertIndicatorValue,
  isUniqueViolation,
  listIndicatorEvaluations,
  listIndicatorRows,
  pendingIndicatorValue,
  planYears,
  recordAudit,
  setIndicatorKind,
  setIndicatorValueStatus,
  type IndicatorRow,
} from "@giamsat/db";
import { isUnitRole, requireRole, type Actor } from "./actor.js";
import { nowIso, todayOf, type Ctx } from "./context.js";
import type {
  IndicatorKindInput,
  IndicatorListQuery,
  IndicatorValueInput,
} from "./indicator.schemas.js";
import {
  refreshIndicatorEvaluations,
  refreshOutdatedIndicatorEvaluations,
} from "./indicator-evaluation.service.js";
import { evaluateIndicatorRows } from "./indicator-live.service.js";
import type { IndicatorItem } from "./indicator.view.js";
import { indicatorValueView, type IndicatorValueView } from "./indicator-value.view.js";
import type { ReviewInput } from "./report.schemas.js";

type IndicatorList = {
  items: IndicatorItem[];
  total: number;
  asOf: string;
  counts: Record<WarningLevel, number>;
};

const zeroCounts = (): Record<WarningLevel, number> =>
  Object.fromEntries(WARNING_LEVELS.map((w) => [w, 0])) as Record<WarningLevel, number>;

/**
 * The indicators in the actor's scope, a page at a time, with the count per warning level
 * (before the warning filter) and the total after it. Today's list reads the stored
 * evaluations (filtered, counted and paged in SQL); another date evaluates live.
 */
export async function listIndicatorsFor(
  ctx: Ctx,
  actor: Actor,
  query: IndicatorListQuery,
): Promise<IndicatorList> {
  const today = todayOf(ctx);
  const asOf = query.asOf ?? today;
  const filter = {
    ...(query.plan ? { planId: query.plan } : {}),
    ...(query.unit ? { unitIds: [query.unit] } : {}),
    scope: actor.units,
  };
  if (asOf !== today) return listLive(ctx, filter, query, asOf);
  if (await hasOutdatedIndicatorEvaluation(ctx.db, today))
    await refreshOutdatedIndicatorEvaluations(ctx, today);
  const page = await listIndicatorEvaluations(ctx.db, {
    ...filter,
    ...(query.warning ? { warning: query.warning } : {}),
    limit: query.limit,
    offset: query.offset,
  });
  const counts = zeroCounts();
  for (const [w, n] of page.counts) if (w in counts) counts[w as WarningLevel] = n;
  return {
    items: page.items.map((json) => JSON.parse(json) as IndicatorItem),
    total: query.warning
      ? counts[query.warning as WarningLevel]
      : Object.values(counts).reduce((a, b) => a + b, 0),
    asOf,
    counts,
  };
}

async function listLive(
  ctx: Ctx,
  filter: Parameters<typeof listIndicatorRows>[1],
  query: IndicatorListQuery,
  asOf: string,
): Promise<IndicatorList> {
  const evaluated = await evaluateIndicatorRows(ctx, await listIndicatorRows(ctx.db, filter), asOf);
  const counts = zeroCounts();
  for (const i of evaluated) counts[i.warning] += 1;
  const items = evaluated.filter((i) => !query.warning || i.warning === query.warning);
  return {
    items: items.slice(query.offset, query.offset + query.limit),
    total: items.length,
    asOf,
    counts,
  };
}

async function loadIndicator(ctx: Ctx, actor: Actor, id: number): Promise<IndicatorRow> {
  const [row] = await listIndicatorRows(ctx.db, { id });
  if (!row) throw new NotFoundError(`Không tìm thấy chỉ tiêu số hiệu ${id}.`);
  const [visible] = await listIndicatorRows(ctx.db, { id, scope: actor.units });
  if (!visible) throw new ForbiddenError("Chỉ tiêu này không thuộc đơn vị của bạn.");
  return row;
}

export type IndicatorDetail = IndicatorItem & { asOf: string; values: IndicatorValueView[] };

export async function getIndicatorFor(
  ctx: Ctx,
  actor: Actor,
  id: number,
  asOf = todayOf(ctx),
): Promise<IndicatorDetail> {
  const row = await loadIndicator(ctx, actor, id);
  const [item] = await evaluateIndicatorRows(ctx, [row], asOf);
  const history = await indicatorValueHistory(ctx.db, id);
  const accepted = history.filter((v) => v.status === "accepted");
  return {
    ...item!,
    asOf,
    values: history.map((v) => indicatorValueView(v, indicatorValueFlags(row, v, accepted))),
  };
}

/**
 * The monitoring department corrects the kind and direction inferred from the wording (null:
 * back to the inference); audited with its reason. Answers the indicator re-evaluated.
 */
export async function setIndicatorKindFor(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: IndicatorKindInput,
): Promise<IndicatorDetail> {
  requireRole(actor, "monitor");
  const row = await loadIndicator(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await setIndicatorKind(trx, id, input.kind, input.direction);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "indicator.set_kind",
      entity: "indicator",
      entityId: id,
      before: { kind: row.kind, direction: row.direction },
      after: { kind: input.kind, direction: input.direction },
      reason: input.reason,
    });
    await refreshIndicatorEvaluations({ ...ctx, db: trx }, [id]);
  });
  return getIndicatorFor(ctx, actor, id);
}

/**
 * The responsible unit reports a value for a period that has begun: 409 while a value for that
 * period waits for review; a value for an accepted period is a correction (it supersedes the
 * accepted one once accepted itself).
 */
export async function submitIndicatorValue(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: IndicatorValueInput,
  source: "form" | "api" = actor.via === "token" ? "api" : "form",
): Promise<{ id: number; status: "submitted" }> {
  if (!isUnitRole(actor.role))
    throw new ForbiddenError("Chỉ đơn vị chịu trách nhiệm mới báo cáo giá trị chỉ tiêu.");
  const row = await loadIndicator(ctx, actor, id);
  if (row.lead_org_id === null || (actor.units && !actor.units.includes(row.lead_org_id))) {
    throw new ForbiddenError("Chỉ đơn vị chủ trì chỉ tiêu mới báo cáo giá trị.");
  }
  const span = valuePeriodSpan(input.period);
  const years = await planYears(ctx.db, row.plan_id);
  if (years) checkPeriodInPlanYears(input.period, years);
  if (span.start > todayOf(ctx)) {
    throw new ValidationError(
      `period: kỳ ${formatIndicatorPeriod(input.period)} chưa bắt đầu, chưa thể báo cáo.`,
      { field: "period", value: input.period },
    );
  }
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const pending = await pendingIndicatorValue(trx, id, input.period);
      if (pending) {
        throw new ConflictError(
          `Giá trị kỳ ${formatIndicatorPeriod(input.period)} (số hiệu ${pending.id}) đang chờ thẩm định.`,
        );
      }
      const accepted = await acceptedIndicatorValue(trx, id, input.period);
      const valueId = await insertIndicatorValue(trx, {
        indicator_id: id,
        org_id: row.lead_org_id,
        period: input.period,
        value: input.value,
        note: input.note || null,
        evidence: input.evidence || null,
        source,
        status: "submitted",
        supersedes_id: accepted?.id ?? null,
        submitted_by: actor.userId,
        submitted_at: nowIso(ctx),
      });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: "indicator_value.submit",
        entity: "indicator_value",
        entityId: valueId,
        after: { indicatorId: id, period: input.period, value: input.value, source },
      });
      return { id: valueId, status: "submitted" as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        `Giá trị kỳ ${formatIndicatorPeriod(input.period)} đang chờ thẩm định.`,
      );
    }
    throw error;
  }
}

/** The monitoring department accepts a value (superseding the one it corrects) or returns it. */
export async function reviewIndicatorValue(
  ctx: Ctx,
  actor: Actor,
  valueId: number,
  input: ReviewInput,
): Promise<IndicatorValueView> {
  requireRole(actor, "monitor");
  const indicatorId = await ctx.db.transaction().execute(async (trx) => {
    const value = await findIndicatorValue(trx, valueId);
    if (!value) throw new NotFoundError(`Không tìm thấy giá trị chỉ tiêu số hiệu ${valueId}.`);
    if (value.status !== "submitted")
      throw new ConflictError("Giá trị này đã được xử lý trước đó.");
    const status = input.decision === "accept" ? "accepted" : "returned";
    await setIndicatorValueStatus(trx, valueId, {
      status,
      reviewed_by: actor.userId,
      reviewed_at: nowIso(ctx),
      review_comment: input.comment || null,
    });
    if (status === "accepted" && value.supersedes_id !== null) {
      await setIndicatorValueStatus(trx, value.supersedes_id, { status: "superseded" });
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `indicator_value.${input.decision}`,
      entity: "indicator_value",
      entityId: valueId,
      before: { status: value.status },
      after: { status, comment: input.comment ?? null, superseded: value.supersedes_id },
    });
    await refreshIndicatorEvaluations({ ...ctx, db: trx }, [value.indicator_id]);
    return value.indicator_id;
  });
  const detail = await getIndicatorFor(ctx, actor, indicatorId);
  return detail.values.find((v) => v.id === valueId)!;
}
