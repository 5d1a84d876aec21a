/** Values reported for indicators: written once, reviewed, superseded by corrections. */
import type { Insertable, Kysely } from "kysely";
import type { Database, IndicatorValuesTable, IndicatorValueStatus } from "../../schema.js";

type Db = Kysely<Database>;

export type IndicatorValueRow = {
  id: number;
  indicator_id: number;
  org_id: number | null;
  period: string;
  value: number;
  note: string | null;
  evidence: string | null;
  source: string;
  status: IndicatorValueStatus;
  supersedes_id: number | null;
  submitted_by: number;
  submitted_by_name: string | null;
  submitted_at: string;
  reviewed_by: number | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
};

function valuesQuery(db: Db) {
  return db
    .selectFrom("indicator_values as v")
    .leftJoin("users as s", "s.id", "v.submitted_by")
    .leftJoin("users as r", "r.id", "v.reviewed_by")
    .select([
      "v.id",
      "v.indicator_id",
      "v.org_id",
      "v.period",
      "v.value",
      "v.note",
      "v.evidence",
      "v.source",
      "v.status",
      "v.supersedes_id",
      "v.submitted_by",
      "s.display_name as submitted_by_name",
      "v.submitted_at",
      "v.reviewed_by",
      "r.display_name as reviewed_by_name",
      "v.reviewed_at",
      "v.review_comment",
    ]);
}

const numeric = <T extends { value: number }>(row: T): T => ({ ...row, value: Number(row.value) });

/** Every value of one indicator, oldest period first, newest submission first within it. */
export async function indicatorValueHistory(
  db: Db,
  indicatorId: number,
): Promise<IndicatorValueRow[]> {
  const rows = await valuesQuery(db)
    .where("v.indicator_id", "=", indicatorId)
    .orderBy("v.period")
    .orderBy("v.id", "desc")
    .execute();
  return rows.map(numeric);
}

export async function findIndicatorValue(
  db: Db,
  id: number,
): Promise<IndicatorValueRow | undefined> {
  const row = await valuesQuery(db).where("v.id", "=", id).executeTakeFirst();
  return row && numeric(row);
}

/** The accepted values of these indicators (what evaluation counts). */
export async function acceptedIndicatorValues(
  db: Db,
  ids: readonly number[],
): Promise<{ indicator_id: number; period: string; value: number }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("indicator_values")
    .select(["indicator_id", "period", "value"])
    .where("status", "=", "accepted")
    .where("indicator_id", "in", ids)
    .execute();
  return rows.map(numeric);
}

/** The values of these indicators that are pending or accepted (a sheet import checks them). */
export async function openIndicatorValues(
  db: Db,
  ids: readonly number[],
): Promise<{ id: number; indicator_id: number; period: string; status: IndicatorValueStatus }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("indicator_values")
    .select(["id", "indicator_id", "period", "status"])
    .where("status", "in", ["submitted", "accepted"])
    .where("indicator_id", "in", ids)
    .execute();
}

/** Every value's state for these indicators and periods (the inbox asks for missing ones). */
export async function indicatorValueStates(
  db: Db,
  ids: readonly number[],
  periods: readonly string[],
): Promise<{ indicator_id: number; period: string; status: IndicatorValueStatus }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("indicator_values")
    .select(["indicator_id", "period", "status"])
    .where("indicator_id", "in", ids)
    .where("period", "in", [...periods, ""])
    .execute();
}

/** The value of this indicator and period still waiting for review, if any. */
export async function pendingIndicatorValue(
  db: Db,
  indicatorId: number,
  period: string,
): Promise<IndicatorValueRow | undefined> {
  const row = await valuesQuery(db)
    .where("v.indicator_id", "=", indicatorId)
    .where("v.period", "=", period)
    .where("v.status", "=", "submitted")
    .executeTakeFirst();
  return row && numeric(row);
}

/** The accepted value of this indicator and period, if any (a new one corrects it). */
export async function acceptedIndicatorValue(
  db: Db,
  indicatorId: number,
  period: string,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("indicator_values")
    .select("id")
    .where("indicator_id", "=", indicatorId)
    .where("period", "=", period)
    .where("status", "=", "accepted")
    .executeTakeFirst();
}

export async function insertIndicatorValue(
  db: Db,
  row: Insertable<IndicatorValuesTable>,
): Promise<number> {
  const inserted = await db
    .insertInto("indicator_values")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function setIndicatorValueStatus(
  db: Db,
  id: number,
  change: {
    status: IndicatorValueStatus;
    reviewed_by?: number;
    reviewed_at?: string;
    review_comment?: string | null;
  },
): Promise<void> {
  await db.updateTable("indicator_values").set(change).where("id", "=", id).execute();
}

/** Values waiting for review, oldest first, limited to indicators of these units (null: all). */
export async function pendingIndicatorValues(
  db: Db,
  scope: readonly number[] | null,
): Promise<IndicatorValueRow[]> {
  let q = valuesQuery(db).where("v.status", "=", "submitted");
  if (scope) q = q.where("v.org_id", "in", [...scope, -1]);
  const rows = await q.orderBy("v.submitted_at").orderBy("v.id").execute();
  return rows.map(numeric);
}
