/**
 * Indicator values in bulk from the .xlsx sheet the monitoring department fills (one row per
 * indicator and period): a preview that lists the rows and every error by row and column, and
 * a commit that stores all rows or none. The monitoring department enters the values itself, so
 * they are stored accepted (source `xlsx`); a value for an accepted period corrects it.
 */
import {
  checkPeriodInPlanYears,
  formatIndicatorPeriod,
  readValuesSheet,
  valuePeriodSpan,
  valuesSheetTemplate,
  ValidationError,
  type ValuesSheetError,
  type ValuesSheetRow,
} from "@giamsat/core";
import {
  insertIndicatorValue,
  listIndicatorRows,
  openIndicatorValues,
  planYears,
  recordAudit,
  setIndicatorValueStatus,
  type IndicatorRow,
} from "@giamsat/db";
import { requireRole, type Actor } from "./actor.js";
import { nowIso, todayOf, type Ctx } from "./context.js";
import { refreshIndicatorEvaluations } from "./indicator-evaluation.service.js";

type Db = Ctx["db"];

export type SheetValuePreview = {
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
  /** The accepted value this one corrects, if any. */
  corrects: number | null;
};

export type SheetPreview = { rows: SheetValuePreview[]; errors: ValuesSheetError[] };

/** The sheet's rows checked against the database: indicator, plan years, begun, pending, twice. */
async function checkSheet(db: Db, bytes: Uint8Array, today: string): Promise<SheetPreview> {
  const sheet = readValuesSheet(bytes);
  const ids = [...new Set(sheet.rows.map((r) => r.indicatorId))];
  const indicators = new Map(
    (await listIndicatorRows(db, { ids })).map((row): [number, IndicatorRow] => [row.id, row]),
  );
  const years = new Map<number, { from: number; to: number } | undefined>();
  for (const planId of new Set([...indicators.values()].map((i) => i.plan_id))) {
    years.set(planId, await planYears(db, planId));
  }
  const open = new Map(
    (await openIndicatorValues(db, ids)).map((v) => [
      `${v.indicator_id} ${v.period} ${v.status}`,
      v.id,
    ]),
  );
  const errors = [...sheet.errors];
  const rows: SheetValuePreview[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const fail = (column: "id" | "period", header: string, problem: string) =>
      errors.push({
        line: row.line,
        column: header,
        message: `Dòng ${row.line}, ${sheet.labels[column]}: ${problem}`,
      });
    const indicator = indicators.get(row.indicatorId);
    if (!indicator) {
      fail("id", "Mã chỉ tiêu", `không có chỉ tiêu mã ${row.indicatorId}.`);
      continue;
    }
    const label = formatIndicatorPeriod(row.period);
    const problem = periodProblem(row, years.get(indicator.plan_id), today);
    const key = `${row.indicatorId} ${row.period}`;
    const pending = open.get(`${key} submitted`);
    if (problem) fail("period", "Kỳ", problem);
    else if (seen.has(key))
      fail("period", "Kỳ", `chỉ tiêu ${row.indicatorId}, ${label} đã có ở dòng ${seen.get(key)}.`);
    else if (pending !== undefined)
      fail(
        "period",
        "Kỳ",
        `giá trị ${label} của chỉ tiêu ${row.indicatorId} (số hiệu ${pending}) đang chờ thẩm định; hãy thẩm định trước.`,
      );
    seen.set(key, seen.get(key) ?? row.line);
    rows.push({
      line: row.line,
      indicatorId: row.indicatorId,
      number: indicator.number,
      name: indicator.name,
      unit: indicator.unit,
      period: row.period,
      periodLabel: label,
      value: row.value,
      note: row.note,
      evidence: row.evidence,
      corrects: open.get(`${key} accepted`) ?? null,
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

function periodProblem(
  row: ValuesSheetRow,
  years: { from: number; to: number } | undefined,
  today: string,
): string | null {
  try {
    if (years) checkPeriodInPlanYears(row.period, years);
  } catch (error) {
    return (error as Error).message.replace(/^period: /, "");
  }
  if (valuePeriodSpan(row.period).start > today)
    return `kỳ ${formatIndicatorPeriod(row.period)} chưa bắt đầu.`;
  return null;
}

export async function previewValuesSheet(
  ctx: Ctx,
  actor: Actor,
  bytes: Uint8Array,
): Promise<SheetPreview> {
  requireRole(actor, "monitor");
  return checkSheet(ctx.db, bytes, todayOf(ctx));
}

/** Stores every row of the sheet as an accepted value, or nothing when any row has an error. */
export async function importValuesSheet(
  ctx: Ctx,
  actor: Actor,
  file: { fileName: string; content: Uint8Array },
): Promise<{ created: number; corrected: number }> {
  requireRole(actor, "monitor");
  return ctx.db.transaction().execute(async (trx) => {
    const { rows, errors } = await checkSheet(trx, file.content, todayOf(ctx));
    if (errors.length > 0) {
      throw new ValidationError(
        `Tệp có ${errors.length} lỗi, chưa lưu giá trị nào. ${errors[0]!.message}`,
        { errors },
      );
    }
    if (rows.length === 0)
      throw new ValidationError("file: tệp chưa có dòng nào nhập giá trị.", { field: "file" });
    const indicators = await listIndicatorRows(trx, { ids: rows.map((r) => r.indicatorId) });
    const leads = new Map(indicators.map((i) => [i.id, i.lead_org_id]));
    const at = nowIso(ctx);
    for (const row of rows) {
      const id = await insertIndicatorValue(trx, {
        indicator_id: row.indicatorId,
        org_id: leads.get(row.indicatorId) ?? null,
        period: row.period,
        value: row.value,
        note: row.note,
        evidence: row.evidence,
        source: "xlsx",
        status: "accepted",
        supersedes_id: row.corrects,
        submitted_by: actor.userId,
        submitted_at: at,
        reviewed_by: actor.userId,
        reviewed_at: at,
      });
      if (row.corrects !== null)
        await setIndicatorValueStatus(trx, row.corrects, { status: "superseded" });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: "indicator_value.import",
        entity: "indicator_value",
        entityId: id,
        after: {
          indicatorId: row.indicatorId,
          period: row.period,
          value: row.value,
          source: "xlsx",
          file: file.fileName,
          line: row.line,
          superseded: row.corrects,
        },
      });
    }
    await refreshIndicatorEvaluations(
      { ...ctx, db: trx },
      indicators.map((i) => i.id),
    );
    return { created: rows.length, corrected: rows.filter((r) => r.corrects !== null).length };
  });
}

/** The template: every indicator of the plan (or of every plan), the last month proposed. */
export async function valuesTemplateFor(
  ctx: Ctx,
  actor: Actor,
  planId: number | undefined,
): Promise<Uint8Array> {
  requireRole(actor, "monitor");
  const rows = await listIndicatorRows(ctx.db, planId === undefined ? {} : { planId });
  const [y, m] = todayOf(ctx).split("-").map(Number) as [number, number];
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  return valuesSheetTemplate(
    rows.map((r) => ({
      id: r.id,
      plan: r.plan_number ?? r.plan_title,
      number: r.number,
      name: r.name,
      unit: r.unit,
    })),
    lastMonth,
  );
}
