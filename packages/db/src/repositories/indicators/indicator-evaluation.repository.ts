/**
 * The stored evaluation of each indicator (migration 0018): written whole per indicator, read by
 * the list with its filters, counts per warning level and paging in SQL.
 */
import { sql, type Kysely, type OnConflictBuilder } from "kysely";
import { dialectOf } from "../../migrations/migration.helpers.js";
import type { Database, IndicatorEvaluationsTable } from "../../schema.js";

type Db = Kysely<Database>;

/** A stored evaluation: the row the list filters on and the API item as JSON. */
export type IndicatorEvaluationRow = IndicatorEvaluationsTable & { item: string };

/** ON CONFLICT (indicator_id): the new row replaces the stored one. */
const replaceRow = (oc: OnConflictBuilder<Database, "indicator_evaluations">) =>
  oc.column("indicator_id").doUpdateSet((eb) => ({
    plan_id: eb.ref("excluded.plan_id"),
    appendix_id: eb.ref("excluded.appendix_id"),
    ordinal: eb.ref("excluded.ordinal"),
    lead_org_id: eb.ref("excluded.lead_org_id"),
    as_of: eb.ref("excluded.as_of"),
    warning: eb.ref("excluded.warning"),
  }));

/** Rows per INSERT: 7 parameters each, well under SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

/** Stores (inserts or replaces) the evaluations of these indicators. */
export async function saveIndicatorEvaluations(
  db: Db,
  rows: readonly IndicatorEvaluationRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db
      .insertInto("indicator_evaluations")
      .values(chunk.map(({ item: _item, ...row }) => row))
      .onConflict(replaceRow)
      .execute();
    await db
      .insertInto("indicator_evaluation_items")
      .values(chunk.map((r) => ({ indicator_id: r.indicator_id, item: r.item })))
      .onConflict((oc) =>
        oc.column("indicator_id").doUpdateSet((eb) => ({ item: eb.ref("excluded.item") })),
      )
      .execute();
  }
}

/**
 * The `as_of` of a row waiting to be computed: every indicator has a row from the transaction
 * that inserts it (migration 0021 for older data), so "some row is not of today" — one probe at
 * each end of the as_of index — tells whether any evaluation must be computed before a read.
 */
export const OUTDATED_AS_OF = "";
/** The warning of a waiting row: no level, so the list's counts and warning filter skip it. */
const OUTDATED_WARNING = "";

/**
 * Marks the evaluations of a plan's indicators as waiting (a row for each indicator that has
 * none, with its position in the plan; `as_of` OUTDATED_AS_OF): an import or re-import changed
 * them, and whoever reads them next computes them, unless the caller does in this transaction.
 */
export async function markPlanIndicatorEvaluationsOutdated(db: Db, planId: number): Promise<void> {
  await db
    .insertInto("indicator_evaluations")
    .columns([
      "indicator_id",
      "plan_id",
      "appendix_id",
      "ordinal",
      "lead_org_id",
      "as_of",
      "warning",
    ])
    .expression(
      db
        .selectFrom("indicators as i")
        .select((eb) => [
          "i.id",
          "i.plan_id",
          "i.appendix_id",
          "i.ordinal",
          "i.lead_org_id",
          eb.val(OUTDATED_AS_OF).as("as_of"),
          eb.val(OUTDATED_WARNING).as("warning"),
        ])
        .where("i.plan_id", "=", planId),
    )
    .onConflict(replaceRow)
    .execute();
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

/**
 * Whether some stored evaluation is waiting or was computed for another day than `asOf`: the
 * smallest and the largest as_of, each one probe of the as_of index on both dialects.
 */
export async function hasOutdatedIndicatorEvaluation(db: Db, asOf: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("indicator_evaluations")
        .select((e) => e.fn.min("as_of").as("v"))
        .as("lo"),
      eb
        .selectFrom("indicator_evaluations")
        .select((e) => e.fn.max("as_of").as("v"))
        .as("hi"),
    ])
    .executeTakeFirstOrThrow();
  return row.lo !== null && (row.lo !== asOf || row.hi !== asOf);
}

/**
 * Refreshes the planner's view of the table after a refresh rewrote many rows: on PostgreSQL
 * VACUUM (ANALYZE) — statistics, and the visibility map that lets the list count from its
 * indexes alone instead of visiting every rewritten row. Outside a transaction.
 */
export async function tidyIndicatorEvaluations(db: Db): Promise<void> {
  if (dialectOf(db) === "postgres") await sql`VACUUM (ANALYZE) indicator_evaluations`.execute(db);
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
 * A page of stored evaluations (plan and document order; the items fetched for the page's rows
 * only) and the count per warning level of every indicator matching the filter except the
 * warning.
 */
export async function listIndicatorEvaluations(
  db: Db,
  filter: IndicatorEvaluationFilter,
): Promise<{ items: string[]; counts: Map<string, number> }> {
  let q = db.selectFrom("indicator_evaluations as e");
  if (filter.planId !== undefined) q = q.where("e.plan_id", "=", filter.planId);
  if (filter.unitIds) q = q.where("e.lead_org_id", "in", [...filter.unitIds, -1]);
  if (filter.scope) {
    // One indexed set of ids (led, or coordinated through indicator_orgs) rather than an OR
    // with a correlated EXISTS, which visits every row.
    const units = [...filter.scope, -1];
    q = q.where((eb) =>
      eb(
        "e.indicator_id",
        "in",
        eb
          .selectFrom("indicator_evaluations as led")
          .select("led.indicator_id")
          .where("led.lead_org_id", "in", units)
          .union(
            eb
              .selectFrom("indicator_orgs as io")
              .select("io.indicator_id")
              .where("io.org_id", "in", units),
          ),
      ),
    );
  }
  const [countRows, pageRows] = await Promise.all([
    q
      .select(["e.warning", (eb) => eb.fn.countAll<number | string>().as("n")])
      .groupBy("e.warning")
      .execute(),
    db
      .selectFrom(
        (filter.warning === undefined ? q : q.where("e.warning", "=", filter.warning))
          .where("e.as_of", "<>", OUTDATED_AS_OF)
          .select(["e.indicator_id", "e.plan_id", "e.appendix_id", "e.ordinal"])
          .orderBy("e.plan_id")
          .orderBy("e.appendix_id")
          .orderBy("e.ordinal")
          .limit(filter.limit)
          .offset(filter.offset)
          .as("p"),
      )
      .innerJoin("indicator_evaluation_items as it", "it.indicator_id", "p.indicator_id")
      .select("it.item")
      .orderBy("p.plan_id")
      .orderBy("p.appendix_id")
      .orderBy("p.ordinal")
      .execute(),
  ]);
  return {
    items: pageRows.map((r) => r.item),
    counts: new Map(countRows.map((r) => [r.warning, Number(r.n)])),
  };
}
