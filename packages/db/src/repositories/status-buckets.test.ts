import { describe, expect, it } from "vitest";
import {
  buildPlan,
  buildReport,
  buildTask,
  buildUser,
  dialects,
  withTestDatabase,
} from "../test-support/index.js";
import type { TestDatabase } from "../test-support/index.js";
import { countStatuses, refreshTaskCompletion } from "./task.repository.js";

const DATES = ["2026-01-31", "2026-04-01", "2026-06-01", "2026-12-31", "2027-03-01"];

/** Bucket counts (no filter) against counts read from the tasks (the plan filter reads them). */
async function expectBucketsExact(db: TestDatabase["db"], planId: number) {
  for (const asOf of DATES) {
    for (const filter of [{}, { kind: "time-bound" as const }, { includeConfidential: false }]) {
      const fromBuckets = await countStatuses(db, { ...filter, asOf });
      const fromTasks = await countStatuses(db, { ...filter, planId, asOf });
      expect(fromBuckets, `${asOf} ${JSON.stringify(filter)}`).toEqual(fromTasks);
    }
  }
}

describe.each(dialects())("status buckets (%s)", (dialect) => {
  it("stay exact through inserts, completions, deadline changes, cancellation, removal and deletion", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const plan = await buildPlan(db);
      const t = (o: Parameters<typeof buildTask>[1] = {}) =>
        buildTask(db, { plan_id: plan.id, ...o });
      const a = await t({ due_date: "2026-03-31" });
      const b = await t({ due_date: "2026-03-31" });
      const c = await t({ due_date: null, deadline_kind: "unresolved" });
      const d = await t({ kind: "recurring", due_date: null, deadline_kind: "recurring" });
      const e = await t({ due_date: "2026-06-10", confidential: 1 });
      const f = await t({ due_date: "2026-12-31", removed_at: "2026-05-01T00:00:00.000Z" });
      await expectBucketsExact(db, plan.id);

      const user = await buildUser(db);
      const report = { submitted_by: user.id, status: "accepted", state: "completed" } as const;
      // a report accepted late, then one on time for another task
      await buildReport(db, { ...report, task_id: a.id, completed_on: "2026-04-20" });
      await refreshTaskCompletion(db, a.id);
      await buildReport(db, { ...report, task_id: e.id, completed_on: "2026-06-01" });
      await refreshTaskCompletion(db, e.id);
      await expectBucketsExact(db, plan.id);

      // a deadline extended, a task cancelled, a removed task back, a task deleted
      await db
        .updateTable("tasks")
        .set({ due_date: "2026-09-30" })
        .where("id", "=", b.id)
        .execute();
      await db
        .updateTable("tasks")
        .set({ cancelled_at: "2026-05-02T00:00:00.000Z" })
        .where("id", "=", c.id)
        .execute();
      await db.updateTable("tasks").set({ removed_at: null }).where("id", "=", f.id).execute();
      await db.updateTable("tasks").set({ name: "Đổi tên" }).where("id", "=", d.id).execute();
      await db.deleteFrom("task_orgs").where("task_id", "=", e.id).execute();
      await db.deleteFrom("progress_reports").where("task_id", "=", e.id).execute();
      await db.deleteFrom("tasks").where("id", "=", e.id).execute();
      await expectBucketsExact(db, plan.id);

      const { total } = await countStatuses(db, { asOf: "2026-06-01" });
      expect(total).toBe(4); // a, b, d, f: c cancelled, e deleted
      const rows = await db.selectFrom("task_status_buckets").selectAll().execute();
      expect(rows.every((r) => r.n > 0)).toBe(true);
      expect(rows.reduce((n, r) => n + r.n, 0)).toBe(4);
    });
  });
});
