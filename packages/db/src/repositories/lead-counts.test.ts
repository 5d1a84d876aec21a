import { describe, expect, it } from "vitest";
import {
  buildOrganisation,
  buildTask,
  dialects,
  everyKindOfWrite,
  withTestDatabase,
} from "../test-support/index.js";
import type { TestDatabase } from "../test-support/index.js";
import { rankLeadUnits, refreshLeadCounts } from "./lead-counts.js";

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
      await refreshLeadCounts(db, { asOf: "2026-06-01" });
      // each step is checked first as of the kept day (written by the triggers alone), then
      // rebuilt as of the other days: each step starts on the day the previous one ended on
      let step = 0;
      const { plan, units } = await everyKindOfWrite(db, async (planId) => {
        const days = step++ % 2 === 0 ? DAYS : [...DAYS].reverse();
        for (const day of days) await expectKeptExact(db, planId, day);
      });
      await expectKeptExact(db, plan.id, "2026-06-20", 30);

      const ranking = await rankLeadUnits(db, { asOf: "2026-06-20" });
      expect(ranking.units).toBe(3);
      // u3: b (overdue since 10/06) and f; u1: a (done late); u2: the recurring task
      expect(ranking.items.map((i) => i.orgId)).toEqual([units.u3, units.u1, units.u2]);
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
