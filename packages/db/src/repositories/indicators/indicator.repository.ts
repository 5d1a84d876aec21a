/** Indicators as the monitoring pages read them: rows with their unit, targets and values. */
import type { Kysely } from "kysely";
import type { Database } from "../../schema.js";

type Db = Kysely<Database>;

export type IndicatorFilter = {
  planId?: number;
  /** Only indicators whose responsible unit is one of these. */
  unitIds?: readonly number[];
  /** The actor's units: indicators any of them leads or coordinates (null: every unit). */
  scope?: readonly number[] | null;
  id?: number;
  ids?: readonly number[];
};

export type IndicatorRow = {
  id: number;
  plan_id: number;
  appendix_id: number;
  number: string | null;
  name: string;
  unit: string | null;
  target: string | null;
  frequency: "monthly" | "quarterly" | "yearly" | null;
  kind: "level" | "cumulative" | "in_period" | null;
  direction: "higher" | "lower" | "range" | null;
  lead_org_id: number | null;
  lead_name: string | null;
  plan_title: string | null;
  plan_number: string | null;
  ordinal: number;
};

const asText = (json: unknown): string | null =>
  json === null || json === undefined
    ? null
    : typeof json === "string"
      ? json
      : JSON.stringify(json);

/** The indicators matching the filter, in plan and document order. */
export async function listIndicatorRows(db: Db, filter: IndicatorFilter): Promise<IndicatorRow[]> {
  let q = db
    .selectFrom("indicators as i")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .leftJoin("organisations as o", "o.id", "i.lead_org_id")
    .select([
      "i.id",
      "i.plan_id",
      "i.appendix_id",
      "i.number",
      "i.name",
      "i.unit",
      "i.target",
      "i.frequency",
      "i.kind",
      "i.direction",
      "i.lead_org_id",
      "o.name as lead_name",
      "p.title as plan_title",
      "p.number as plan_number",
      "i.ordinal",
    ]);
  if (filter.id !== undefined) q = q.where("i.id", "=", filter.id);
  if (filter.ids) q = q.where("i.id", "in", [...filter.ids, -1]);
  if (filter.planId !== undefined) q = q.where("i.plan_id", "=", filter.planId);
  if (filter.unitIds) q = q.where("i.lead_org_id", "in", [...filter.unitIds, -1]);
  if (filter.scope) {
    const units = [...filter.scope, -1];
    q = q.where((eb) =>
      eb.or([
        eb("i.lead_org_id", "in", units),
        eb.exists(
          eb
            .selectFrom("indicator_orgs as io")
            .select("io.id")
            .whereRef("io.indicator_id", "=", "i.id")
            .where("io.org_id", "in", units),
        ),
      ]),
    );
  }
  const rows = await q.orderBy("i.plan_id").orderBy("i.appendix_id").orderBy("i.ordinal").execute();
  return rows.map((r) => ({ ...r, target: asText(r.target) }));
}

export type IndicatorPeriodRow = { indicator_id: number; period: string; targets: string };

/** The per-period targets of these indicators (the importer's `periods`). */
export async function indicatorPeriodTargets(
  db: Db,
  ids: readonly number[],
): Promise<IndicatorPeriodRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("indicator_periods")
    .select(["indicator_id", "period", "targets"])
    .where("indicator_id", "in", ids)
    .orderBy("indicator_id")
    .orderBy("ordinal")
    .execute();
  return rows.map((r) => ({ ...r, targets: asText(r.targets) ?? "null" }));
}

/** Corrects the kind and direction the pages infer (null: back to the inference). */
export async function setIndicatorKind(
  db: Db,
  id: number,
  kind: IndicatorRow["kind"],
  direction: IndicatorRow["direction"],
): Promise<void> {
  await db.updateTable("indicators").set({ kind, direction }).where("id", "=", id).execute();
}
