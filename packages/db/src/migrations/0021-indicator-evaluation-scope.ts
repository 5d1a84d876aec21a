/**
 * The indicator list at national scale (bench at 100,000 indicators):
 * - a unit's indicators are found through indexes — the ones it leads
 *   (indicator_evaluations by lead_org_id, in plan order for `?unit=`) and the ones it
 *   coordinates (indicator_orgs by org_id) — instead of testing every stored row;
 * - every indicator gets a stored evaluation row: the ones without one get a waiting row
 *   (as_of ''), as plan imports now write them, so that one probe of the as_of index tells the
 *   list whether anything must be computed first (no count of both tables per request).
 */
import { sql } from "kysely";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("indicator_evaluations_lead")
    .on("indicator_evaluations")
    .columns(["lead_org_id", "plan_id", "appendix_id", "ordinal"])
    .execute();
  await db.schema
    .createIndex("indicator_orgs_org")
    .on("indicator_orgs")
    .columns(["org_id", "indicator_id"])
    .execute();
  await sql`
    INSERT INTO indicator_evaluations
      (indicator_id, plan_id, appendix_id, ordinal, lead_org_id, as_of, warning, item)
    SELECT i.id, i.plan_id, i.appendix_id, i.ordinal, i.lead_org_id, '', '', '{}'
    FROM indicators i
    WHERE NOT EXISTS (SELECT 1 FROM indicator_evaluations e WHERE e.indicator_id = i.id)`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("indicator_orgs_org").execute();
  await db.schema.dropIndex("indicator_evaluations_lead").execute();
}
