/**
 * Every kind of write a task goes through, in three steps with a check after each: tables kept
 * by triggers on `tasks` (status buckets, per-unit counts of the day) must stay exact through
 * all of them. `check` gets the id of the one plan every task is in.
 */
import type { Kysely, Updateable } from "kysely";
import { refreshTaskCompletion } from "../repositories/task.repository.js";
import type { Database, TasksTable } from "../schema.js";
import { buildOrganisation, buildPlan, buildReport, buildTask, buildUser } from "./builders.js";

type Db = Kysely<Database>;

/**
 * 1. seven tasks: overdue on 01/06/2026 (a), due soon (b), no deadline (c), recurring (d),
 *    confidential (e), removed by an amendment (f), without a lead unit (g), led by three units;
 * 2. accepted completions: a late (20/04), e on time (15/06);
 * 3. b reassigned from unit 1 to unit 3, a's deadline extended to 30/09, c cancelled, f back in
 *    force and renamed, e deleted.
 * In force at the end: a, b, d, f, g.
 */
export async function everyKindOfWrite(db: Db, check: (planId: number) => Promise<void>) {
  const plan = await buildPlan(db);
  const units = [
    await buildOrganisation(db),
    await buildOrganisation(db),
    await buildOrganisation(db),
  ];
  const [u1, u2, u3] = units.map((u) => u.id);
  const t = (o: Parameters<typeof buildTask>[1] = {}) => buildTask(db, { plan_id: plan.id, ...o });
  const a = await t({ lead_org_id: u1, due_date: "2026-03-31" });
  const b = await t({ lead_org_id: u1, due_date: "2026-06-10" });
  const c = await t({ lead_org_id: u2, due_date: null, deadline_kind: "unresolved" });
  const d = await t({
    lead_org_id: u2,
    kind: "recurring",
    due_date: null,
    deadline_kind: "recurring",
  });
  const e = await t({ lead_org_id: u3, due_date: "2026-05-15", confidential: 1 });
  const f = await t({
    lead_org_id: u3,
    due_date: "2026-12-31",
    removed_at: "2026-05-01T00:00:00.000Z",
  });
  const g = await t({ lead_org_id: null, due_date: "2026-01-31" });
  await check(plan.id);

  const user = await buildUser(db);
  const report = { submitted_by: user.id, status: "accepted", state: "completed" } as const;
  await buildReport(db, { ...report, task_id: a.id, completed_on: "2026-04-20" });
  await refreshTaskCompletion(db, a.id);
  await buildReport(db, { ...report, task_id: e.id, completed_on: "2026-06-15" });
  await refreshTaskCompletion(db, e.id);
  await check(plan.id);

  const set = (id: number, values: Updateable<TasksTable>) =>
    db.updateTable("tasks").set(values).where("id", "=", id).execute();
  await set(b.id, { lead_org_id: u3 });
  await set(a.id, { due_date: "2026-09-30" });
  await set(c.id, { cancelled_at: "2026-05-02T00:00:00.000Z" });
  await set(f.id, { removed_at: null });
  await set(f.id, { name: "Đổi tên" });
  await db.deleteFrom("task_orgs").where("task_id", "=", e.id).execute();
  await db.deleteFrom("progress_reports").where("task_id", "=", e.id).execute();
  await db.deleteFrom("tasks").where("id", "=", e.id).execute();
  await check(plan.id);
  return { plan, units: { u1, u2, u3 }, tasks: { a, b, c, d, e, f, g } };
}
