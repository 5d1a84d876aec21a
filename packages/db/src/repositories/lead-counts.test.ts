import { describe, expect, it } from "vitest";
import {
  buildOrganisation,
  buildPlan,
  buildReport,
  buildTask,
  buildUser,
  dialects,
  withTestDatabase,
} from "../test-support/index.js";
import type { TestDatabase } from "../test-support/index.js";
import { rankLeadUnits, refreshLeadCounts } from "./lead-counts.js";
import { refreshTaskCompletion } from "./task.repository.js";

type Db = TestDatabase["db"];
// the first is the day kept while the tasks are written: the triggers alone keep it
const DAYS = ["2026-06-01", "2026-03-31", "2026-06-20"];

/** The kept counts as of `asOf` (rebuilt when the day changes) against counting the tasks. */
async function expectKeptExact(db: Db, planId: number, asOf: string, dueSoonDays = 15) {
  const w = { asOf, dueSoonDays };
  await refreshLeadCounts(db, w);
  for (const filter of [{}, { includeConfidential: false }]) {
    const kept = await rankLeadUnits(db, { ...filter, ...w });
    // a plan filter makes it count from the tasks; every task here is in that plan
    const counted = await rankLeadUnits(db, { ...filter, planId, ...w });
    expect(kept, `${asOf} ${JSON.stringify(filter)}`).toEqual(counted);
  }
}

async function keptDay(db: Db) {
  return db.selectFrom("task_status_day").selectAll().executeTakeFirstOrThrow();
}

describe.each(dialects())("per-unit counts of the day (%s)", (dialect) => {
  it("stay exact through inserts, completions, reassignment, cancellation, removal and deletion", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const plan = await buildPlan(db);
      const [u1, u2, u3] = [
        await buildOrganisation(db),
        await buildOrganisation(db),
        await buildOrganisation(db),
      ];
      const t = (o: Parameters<typeof buildTask>[1] = {}) =>
        buildTask(db, { plan_id: plan.id, ...o });
      await refreshLeadCounts(db, { asOf: "2026-06-01" });
      const a = await t({ lead_org_id: u1.id, due_date: "2026-03-31" });
      const b = await t({ lead_org_id: u1.id, due_date: "2026-06-10" });
      const c = await t({ lead_org_id: u2.id, due_date: null, deadline_kind: "unresolved" });
      await t({
        lead_org_id: u2.id,
        kind: "recurring",
        due_date: null,
        deadline_kind: "recurring",
      });
      const e = await t({ lead_org_id: u3.id, due_date: "2026-05-15", confidential: 1 });
      const f = await t({
        lead_org_id: u3.id,
        due_date: "2026-12-31",
        removed_at: "2026-05-01T00:00:00.000Z",
      });
      await t({ lead_org_id: null, due_date: "2026-01-31" });
      for (const day of DAYS) await expectKeptExact(db, plan.id, day);

      const user = await buildUser(db);
      const report = { submitted_by: user.id, status: "accepted", state: "completed" } as const;
      await buildReport(db, { ...report, task_id: a.id, completed_on: "2026-04-20" });
      await refreshTaskCompletion(db, a.id);
      await buildReport(db, { ...report, task_id: e.id, completed_on: "2026-06-15" });
      await refreshTaskCompletion(db, e.id);
      await expectKeptExact(db, plan.id, "2026-06-20");

      // reassigned, deadline extended, cancelled, back in force, renamed, deleted
      await db.updateTable("tasks").set({ lead_org_id: u3.id }).where("id", "=", b.id).execute();
      await db
        .updateTable("tasks")
        .set({ due_date: "2026-09-30" })
        .where("id", "=", a.id)
        .execute();
      await db
        .updateTable("tasks")
        .set({ cancelled_at: "2026-05-02T00:00:00.000Z" })
        .where("id", "=", c.id)
        .execute();
      await db.updateTable("tasks").set({ removed_at: null }).where("id", "=", f.id).execute();
      await db.updateTable("tasks").set({ name: "Đổi tên" }).where("id", "=", f.id).execute();
      await db.deleteFrom("task_orgs").where("task_id", "=", e.id).execute();
      await db.deleteFrom("progress_reports").where("task_id", "=", e.id).execute();
      await db.deleteFrom("tasks").where("id", "=", e.id).execute();
      for (const day of [...DAYS].reverse()) await expectKeptExact(db, plan.id, day);
      await expectKeptExact(db, plan.id, "2026-06-20", 30);

      const ranking = await rankLeadUnits(db, { asOf: "2026-06-20" });
      expect(ranking.units).toBe(3);
      // u1: a (done late), u3: b (overdue 10/06) and f; u2: the recurring task
      expect(ranking.items.map((i) => i.orgId)).toEqual([u3.id, u1.id, u2.id]);
      expect(ranking.items[0]!.counts.overdue).toBe(1);
      expect((await rankLeadUnits(db, { asOf: "2026-06-20" }, 1)).items).toHaveLength(1);
    });
  });

  it("are rebuilt only when the day or the due-soon window changes", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const u = await buildOrganisation(db);
      await buildTask(db, { lead_org_id: u.id, due_date: "2026-06-10" });
      expect(await refreshLeadCounts(db, { asOf: "2026-06-01" })).toBe(true);
      expect(await refreshLeadCounts(db, { asOf: "2026-06-01" })).toBe(false);
      expect(await keptDay(db)).toMatchObject({ as_of: "2026-06-01", soon_until: "2026-06-16" });
      const soon = await rankLeadUnits(db, { asOf: "2026-06-01" });
      expect(soon.items[0]!.counts.due_soon).toBe(1);
      // another day is counted from the tasks, and leaves the kept day alone
      const later = await rankLeadUnits(db, { asOf: "2026-06-11" });
      expect(later.items[0]!.counts.overdue).toBe(1);
      expect((await keptDay(db)).as_of).toBe("2026-06-01");
      expect(await refreshLeadCounts(db, { asOf: "2026-06-01", dueSoonDays: 5 })).toBe(true);
      const narrow = await rankLeadUnits(db, { asOf: "2026-06-01", dueSoonDays: 5 });
      expect(narrow.items[0]!.counts.in_time).toBe(1);
    });
  });
});
