/** Writes an appendix's group rows and indicators (the parts replaced as a whole on amendment). */
import { fold } from "@giamsat/core";
import type { Appendix, Indicator } from "@giamsat/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { OrgResolver } from "./org-resolver.js";

type Db = Kysely<Database>;

export async function replaceGroups(db: Db, appendixId: number, appendix: Appendix): Promise<void> {
  await db.deleteFrom("task_groups").where("appendix_id", "=", appendixId).execute();
  if (appendix.groups.length === 0) return;
  await db
    .insertInto("task_groups")
    .values(
      appendix.groups.map((g, i) => ({
        appendix_id: appendixId,
        ordinal: i + 1,
        path: JSON.stringify(g.path),
        number: g.number,
        title: g.title,
        role: g.role ?? null,
      })),
    )
    .execute();
}

/** Inserts the appendix's indicators with their units, period targets and activities. */
export async function insertIndicators(
  db: Db,
  place: { planId: number; appendixId: number; firstOrdinal: number },
  indicators: readonly Indicator[],
  orgs: OrgResolver,
): Promise<void> {
  for (const [i, ind] of indicators.entries()) {
    let leadOrgId: number | null = null;
    for (const ref of ind.lead) leadOrgId ??= await orgs.resolve(ref);
    const row = await db
      .insertInto("indicators")
      .values({
        plan_id: place.planId,
        appendix_id: place.appendixId,
        ordinal: place.firstOrdinal + i,
        number: ind.number,
        ref_number: ind.refNumber,
        parent_number: ind.parentNumber,
        name: ind.name,
        name_search: fold(ind.name),
        unit: ind.unit,
        target: ind.target ? JSON.stringify(ind.target) : null,
        leader: ind.leader,
        lead_org_id: leadOrgId,
        frequency: ind.frequency,
        basis: JSON.stringify(ind.basis),
        line: ind.line,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const orgRows = (await orgs.rows(ind.lead, ind.coordinators)).map((r) => ({
      ...r,
      indicator_id: row.id,
    }));
    if (orgRows.length) await db.insertInto("indicator_orgs").values(orgRows).execute();
    if (ind.periods.length) {
      await db
        .insertInto("indicator_periods")
        .values(
          ind.periods.map((p, j) => ({
            indicator_id: row.id,
            ordinal: j + 1,
            period: p.period,
            label: p.label,
            targets: JSON.stringify(p.target),
          })),
        )
        .execute();
    }
    if (ind.activities.length) {
      await db
        .insertInto("indicator_activities")
        .values(
          ind.activities.map((a, j) => ({
            indicator_id: row.id,
            ordinal: j + 1,
            name: a.name,
            output: a.output,
            frequency: a.frequency,
          })),
        )
        .execute();
    }
  }
}
