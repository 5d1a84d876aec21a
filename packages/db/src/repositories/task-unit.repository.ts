/**
 * The units named on tasks (task_orgs): linking the rows an import could not resolve to an
 * organisation once the monitoring department maps their name (an alias).
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** The distinct names (raw text and normalised name) of the task units not yet linked. */
export async function unresolvedTaskUnitNames(db: Db): Promise<{ raw: string; name: string }[]> {
  return db
    .selectFrom("task_orgs")
    .select(["raw", "name"])
    .distinct()
    .where("org_id", "is", null)
    .execute();
}

/**
 * Links to `orgId` the unlinked task units with one of these raw texts or names, and makes it
 * the lead unit of the tasks it leads that had none; returns how many task units were linked.
 */
export async function linkTaskUnits(
  db: Db,
  orgId: number,
  names: { raws: readonly string[]; names: readonly string[] },
): Promise<number> {
  if (names.raws.length === 0 && names.names.length === 0) return 0;
  const matching = db
    .selectFrom("task_orgs")
    .where("org_id", "is", null)
    .where((eb) =>
      eb.or([
        ...(names.raws.length ? [eb("raw", "in", [...names.raws])] : []),
        ...(names.names.length ? [eb("name", "in", [...names.names])] : []),
      ]),
    );
  await db
    .updateTable("tasks")
    .set({ lead_org_id: orgId })
    .where("lead_org_id", "is", null)
    .where("id", "in", matching.select("task_id").where("role", "=", "lead"))
    .execute();
  const linked = await db
    .updateTable("task_orgs")
    .set({ org_id: orgId, resolved: 1 })
    .where("id", "in", matching.select("id"))
    .executeTakeFirst();
  return Number(linked.numUpdatedRows);
}
