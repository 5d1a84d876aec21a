import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  buildReport,
  buildUser,
  dialects,
  everyKindOfWrite,
  withTestDatabase,
} from "../test-support/index.js";
import type { TestDatabase } from "../test-support/index.js";
import { recountKeptCounts } from "./kept-counts.js";
import { keepSoonWindow } from "./lead-counts.js";
import { listTasks } from "./task.repository.js";

type Db = TestDatabase["db"];

/** Every kind of write, and reports of the recurring task: accepted on time, late, returned. */
async function writtenThrough(db: Db) {
  await keepSoonWindow(db, 30);
  const { plan, tasks } = await everyKindOfWrite(db, async () => {});
  // tracked from January (the default, the import day, is today: no receipt would count)
  await db
    .updateTable("plans")
    .set({ tracked_from: "2026-01-01" })
    .where("id", "=", plan.id)
    .execute();
  const user = await buildUser(db);
  const report = { task_id: tasks.d.id, submitted_by: user.id } as const;
  await buildReport(db, {
    ...report,
    period_key: "2026-03",
    status: "accepted",
    submitted_at: "2026-03-10T02:00:00.000Z",
  });
  await buildReport(db, {
    ...report,
    period_key: "2026-04",
    status: "accepted",
    submitted_at: "2026-04-29T18:30:00.000Z",
  });
  await buildReport(db, {
    ...report,
    period_key: "2026-05",
    status: "returned",
    submitted_at: "2026-05-12T02:00:00.000Z",
  });
  return tasks;
}

const nothingChanged = {
  task_status_buckets: 0,
  unit_status_days: 0,
  report_receipts: 0,
  unit_recurring_days: 0,
  unit_receipt_days: 0,
};

describe.each(dialects())("kept counts recounted (%s)", (dialect) => {
  it("equal what the triggers kept through every kind of write", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      await writtenThrough(db);
      const recount = await recountKeptCounts(db, { compare: true });
      expect(recount.changed).toEqual(nothingChanged);
      expect(recount.rows.report_receipts).toBe(3); // a's completion and d's two accepted periods
      expect(recount.rows.task_status_buckets).toBeGreaterThan(0);
      expect(recount.rows.unit_status_days).toBeGreaterThan(0);
      expect(recount.rows.unit_recurring_days).toBeGreaterThan(0);
      expect(recount.rows.unit_receipt_days).toBeGreaterThan(0);
    });
  });

  it("refill tables written with no trigger, and name the rows that had drifted", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const tasks = await writtenThrough(db);
      const kept = (await recountKeptCounts(db)).rows;
      // a bulk load with the triggers off leaves the kept tables as they were: here, empty
      for (const table of Object.keys(nothingChanged))
        await sql.raw(`DELETE FROM ${table}`).execute(db);
      const refilled = await recountKeptCounts(db, { compare: true });
      expect(refilled.rows).toEqual(kept);
      expect(refilled.changed!.report_receipts).toBe(3);
      // one bucket off by five and one receipt lost: exactly those rows are named, then mended
      await sql`UPDATE task_status_buckets SET n = n + 5 WHERE kind = 'recurring'`.execute(db);
      await sql`DELETE FROM report_receipts WHERE period_key = '2026-04'`.execute(db);
      const mended = await recountKeptCounts(db, { compare: true });
      expect(mended.changed).toEqual({
        ...nothingChanged,
        task_status_buckets: 2, // the wrong row out, the right one in
        report_receipts: 1,
      });
      expect((await recountKeptCounts(db, { compare: true })).changed).toEqual(nothingChanged);
      // the search index is rebuilt with them (SQLite's FTS table; PostgreSQL's is an index)
      const query = { q: tasks.b.name, asOf: "2026-06-01", dueSoonDays: 15 };
      const found = await listTasks(db, query);
      expect(found.items.map((t) => t.id)).toContain(tasks.b.id);
    });
  });
});
