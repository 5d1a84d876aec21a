import { describe, expect, it } from "vitest";
import { dialects, everyKindOfWrite, withTestDatabase } from "../test-support/index.js";
import type { TestDatabase } from "../test-support/index.js";
import { countStatuses } from "./task.repository.js";

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
      await everyKindOfWrite(db, (planId) => expectBucketsExact(db, planId));

      const { total } = await countStatuses(db, { asOf: "2026-06-01" });
      expect(total).toBe(5); // a, b, d, f, g: c cancelled, e deleted
      const rows = await db.selectFrom("task_status_buckets").selectAll().execute();
      expect(rows.every((r) => r.n > 0)).toBe(true);
      expect(rows.reduce((n, r) => n + r.n, 0)).toBe(5);
    });
  });
});
