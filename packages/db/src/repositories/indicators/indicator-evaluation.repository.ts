/**
 * The stored evaluation of each indicator (migration 0018): written whole per indicator, read by
 * the list with its filters, counts per warning level and paging in SQL.
 */
import type { Kysely } from "kysely";
import type { Database, IndicatorEvaluationsTable } from "../../schema.js";

type Db = Kysely<Database>;

export type IndicatorEvaluationRow = IndicatorEvaluationsTable;

/** Rows per INSERT: 8 parameters each, well under SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

/** Stores (inserts or replaces) the evaluations of these indicators. */
export async function saveIndicatorEvaluations(
  db: Db,
  rows: readonly IndicatorEvaluationRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto("indicator_evaluations")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column("indicator_id").doUpdateSet((eb) => ({
          plan_id: eb.ref("excluded.plan_id"),
          appendix_id: eb.ref("excluded.appendix_id"),
          ordinal: eb.ref("excluded.ordinal"),
          lead_org_id: eb.ref("excluded.lead_org_id"),
          as_of: eb.ref("excluded.as_of"),
          warning: eb.ref("excluded.warning"),
          item: eb.ref("excluded.item"),
        })),
      )
      .execute();
  }
}

/** Forgets the stored evaluations of a plan's indicators (a re-import changed them). */
export async function forgetPlanIndicatorEvaluations(db: Db, planId: number): Promise<void> {
  await db.deleteFrom("indicator_evaluations").where("plan_id", "=", planId).execute();
}

/**
 * The indicators whose stored evaluation is missing or was computed for another day, at most
 * `limit` of them, in id order.
 */
export async function staleIndicatorIds(db: Db, asOf: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("indicators as i")
    .leftJoin("indicator_evaluations as e", "e.indicator_id", "i.id")
    .select("i.id")
    .where((eb) => eb.or([eb("e.as_of", "is", null), eb("e.as_of", "<>", asOf)]))
    .orderBy("i.id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Whether some stored evaluation was computed for another day than `asOf` (index on as_of). */
export async function hasOutdatedIndicatorEvaluation(db: Db, asOf: string): Promise<boolean> {
  const row = await db
    .selectFrom("indicator_evaluations")
    .select("indicator_id")
    .where((eb) => eb.or([eb("as_of", "<", asOf), eb("as_of", ">", asOf)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export type IndicatorEvaluationFilter = {
  planId?: number;
  unitIds?: readonly number[];
  /** The actor's units: indicators any of them leads or coordinates (null: every unit). */
  scope?: readonly number[] | null;
  warning?: string;
  limit: number;
  offset: number;
};

/**
 * A page of stored evaluations (plan and document order) and the count per warning level of
 * every indicator matching the filter except the warning.
 */
export async function listIndicatorEvaluations(
  db: Db,
  filter: IndicatorEvaluationFilter,
): Promise<{ items: string[]; counts: Map<string, number> }> {
  let q = db.selectFrom("indicator_evaluations as e");
  if (filter.planId !== undefined) q = q.where("e.plan_id", "=", filter.planId);
  if (filter.unitIds) q = q.where("e.lead_org_id", "in", [...filter.unitIds, -1]);
  if (filter.scope) {
    const units = [...filter.scope, -1];
    q = q.where((eb) =>
      eb.or([
        eb("e.lead_org_id", "in", units),
        eb.exists(
          eb
            .selectFrom("indicator_orgs as io")
            .select("io.id")
            .whereRef("io.indicator_id", "=", "e.indicator_id")
            .where("io.org_id", "in", units),
        ),
      ]),
    );
  }
  const [countRows, pageRows] = await Promise.all([
    q
      .select(["e.warning", (eb) => eb.fn.countAll<number | string>().as("n")])
      .groupBy("e.warning")
      .execute(),
    (filter.warning === undefined ? q : q.where("e.warning", "=", filter.warning))
      .select("e.item")
      .orderBy("e.plan_id")
      .orderBy("e.appendix_id")
      .orderBy("e.ordinal")
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return {
    items: pageRows.map((r) => r.item),
    counts: new Map(countRows.map((r) => [r.warning, Number(r.n)])),
  };
}
