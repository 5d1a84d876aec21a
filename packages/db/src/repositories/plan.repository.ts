/** Plans and their appendices. */
import type { Selectable } from "kysely";
import type { Kysely } from "kysely";
import type { AppendicesTable, Database, Plan, TaskGroupsTable } from "../schema.js";
import { applyTaskFilter, type TaskFilter } from "./task-filter.js";

type Db = Kysely<Database>;

export type PlanListItem = Plan & {
  owner_org_name: string | null;
  /** tasks in force (not removed by an amendment, not cancelled) */
  task_count: number;
};

/**
 * Every plan, newest document first, with its owner's name and the number of its tasks in force
 * that the reader may see (`orgIds`: those of these units; without confidential ones when
 * `includeConfidential` is false) — the count agrees with the reader's task list.
 */
export async function listPlans(
  db: Db,
  reader: Pick<TaskFilter, "orgIds" | "includeConfidential"> = {},
): Promise<PlanListItem[]> {
  const rows = await db
    .selectFrom("plans")
    .leftJoin("organisations", "organisations.id", "plans.owner_org_id")
    .selectAll("plans")
    .select("organisations.name as owner_org_name")
    .orderBy("plans.date", "desc")
    .orderBy("plans.id", "desc")
    .execute();
  const counts = await applyTaskFilter(
    db.selectFrom("tasks").select((eb) => ["tasks.plan_id", eb.fn.countAll<number>().as("n")]),
    reader,
  )
    .groupBy("tasks.plan_id")
    .execute();
  const byPlan = new Map(counts.map((c) => [c.plan_id, Number(c.n)]));
  return rows.map((r) => ({ ...r, task_count: byPlan.get(r.id) ?? 0 }));
}

/** Whether any plan is stored (a first run imports the seed plans). */
export async function hasPlans(db: Db): Promise<boolean> {
  return (await db.selectFrom("plans").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function getPlan(db: Db, id: number): Promise<Plan | undefined> {
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A plan by its number ("596/QĐ-BCT", compared exactly), the latest stored first. */
export async function findPlanByNumber(db: Db, number: string): Promise<Plan | undefined> {
  return db
    .selectFrom("plans")
    .selectAll()
    .where("number", "=", number)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function findPlanBySourceHash(db: Db, hash: string): Promise<Plan | undefined> {
  return db.selectFrom("plans").selectAll().where("source_hash", "=", hash).executeTakeFirst();
}

export async function listAppendices(
  db: Db,
  planId: number,
): Promise<Selectable<AppendicesTable>[]> {
  return db
    .selectFrom("appendices")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("ordinal")
    .execute();
}

/**
 * The years a plan spans: from the year it was issued (or imported) to the latest year of its
 * tasks' due dates or deadline ranges. Undefined when there is no such plan.
 */
export async function planYears(
  db: Db,
  planId: number,
): Promise<{ from: number; to: number } | undefined> {
  const row = await db
    .selectFrom("plans")
    .select((eb) => [
      "plans.date",
      "plans.imported_at",
      eb
        .selectFrom("tasks")
        .select((sub) => sub.fn.max("tasks.due_date").as("d"))
        .whereRef("tasks.plan_id", "=", "plans.id")
        .as("last_due"),
    ])
    .where("plans.id", "=", planId)
    .executeTakeFirst();
  if (!row) return undefined;
  const year = (text: string | null | undefined) => {
    const y = Number(String(text ?? "").slice(0, 4));
    return Number.isInteger(y) && y > 0 ? y : null;
  };
  const from = year(row.date) ?? year(String(row.imported_at)) ?? new Date().getUTCFullYear();
  return { from, to: Math.max(from, year(row.last_due as string | null) ?? from) };
}

/** An unnumbered plan by its title and issuer (an amendment of a plan without a number). */
export async function findUnnumberedPlan(
  db: Db,
  title: string,
  issuer: string | null,
): Promise<Plan | undefined> {
  let q = db.selectFrom("plans").selectAll().where("number", "is", null).where("title", "=", title);
  q = issuer ? q.where("issuer", "=", issuer) : q.where("issuer", "is", null);
  return q.orderBy("id", "desc").executeTakeFirst();
}

/** The task groups of some appendices, in document order. */
export async function listTaskGroups(
  db: Db,
  appendixIds: readonly number[],
): Promise<Selectable<TaskGroupsTable>[]> {
  if (appendixIds.length === 0) return [];
  return db
    .selectFrom("task_groups")
    .selectAll()
    .where("appendix_id", "in", [...appendixIds])
    .orderBy("ordinal")
    .execute();
}

/** Sets the day a plan is tracked from (null: back to its import day). */
export async function setPlanTrackedFrom(
  db: Db,
  planId: number,
  trackedFrom: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable("plans")
    .set({ tracked_from: trackedFrom, updated_at: at })
    .where("id", "=", planId)
    .execute();
}

/** Publishes a plan on the public pages (`publishedAt`) or withdraws it (null). */
export async function setPlanPublished(
  db: Db,
  planId: number,
  publishedAt: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable("plans")
    .set({ published_at: publishedAt, updated_at: at })
    .where("id", "=", planId)
    .execute();
}

/** The published plans (id, identity, publication time), in publication order. */
export async function listPublishedPlans(db: Db, id?: number) {
  let q = db
    .selectFrom("plans")
    .select(["id", "kind", "number", "date", "issuer", "title", "published_at"])
    .where("published_at", "is not", null)
    .where("draft", "=", 0);
  if (id !== undefined) q = q.where("id", "=", id);
  return q.orderBy("published_at").orderBy("id").execute();
}
