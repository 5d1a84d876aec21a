import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  buildOrganisation,
  buildTask,
  dialects,
  everyKindOfWrite,
  withTestDatabase,
} from "../test-support/index.js";
import type { TestDatabase } from "../test-support/index.js";
import { keepSoonWindow, rankLeadUnits } from "./lead-counts.js";

type Db = TestDatabase["db"];
/** across year and month ends, on and around the writes' due and completion days */
const DAYS = [
  "2025-12-31",
  "2026-01-01",
  "2026-03-16",
  "2026-03-31",
  "2026-04-01",
  "2026-04-20",
  "2026-05-16",
  "2026-06-01",
  "2026-06-10",
  "2026-06-11",
  "2026-06-20",
  "2026-09-30",
  "2027-01-01",
];

/** The kept counts as of each day against counting the tasks. */
async function expectKeptExact(db: Db, planId: number, dueSoonDays = 15) {
  for (const asOf of DAYS) {
    const w = { asOf, dueSoonDays };
    for (const filter of [{}, { includeConfidential: false }]) {
      const kept = await rankLeadUnits(db, { ...filter, ...w });
      // a plan filter makes it count from the tasks; every task here is in that plan
      const counted = await rankLeadUnits(db, { ...filter, planId, ...w });
      expect(kept, `${asOf} ${JSON.stringify(filter)}`).toEqual(counted);
    }
  }
}

/**
 * Waits until another connection waits for the lock on the windows (keepSoonWindow's LOCK TABLE
 * behind this transaction's trigger): the race is then set up, not left to a sleep.
 */
async function untilWaitingOnWindows(trx: Db) {
  for (let tries = 0; tries < 500; tries++) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_locks
      WHERE NOT granted AND relation = 'task_soon_windows'::regclass`.execute(trx);
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("keepSoonWindow never waited for the open transaction's lock");
}

describe.each(dialects())("per-unit counts as of any date (%s)", (dialect) => {
  it("stay exact on every date through inserts, completions, reassignment, cancellation, removal and deletion", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      await keepSoonWindow(db, 30);
      const { plan, units } = await everyKindOfWrite(db, async (planId) => {
        await expectKeptExact(db, planId);
        await expectKeptExact(db, planId, 30);
      });
      const ranking = await rankLeadUnits(db, { asOf: "2026-06-20" });
      expect(ranking.units).toBe(3);
      // u3: b (overdue since 10/06) and f; u1: a (done late); u2: the recurring task
      expect(ranking.items.map((i) => i.orgId)).toEqual([units.u3, units.u1, units.u2]);
      expect(ranking.items[0]!.counts.overdue).toBe(1);
      expect((await rankLeadUnits(db, { asOf: "2026-06-20" }, 1)).items).toHaveLength(1);
      // a window not kept counts from the tasks
      const counted = await rankLeadUnits(db, { asOf: "2026-06-01", dueSoonDays: 5 });
      expect(counted).toEqual(
        await rankLeadUnits(db, { asOf: "2026-06-01", dueSoonDays: 5, planId: plan.id }),
      );
    });
  });

  // Only PostgreSQL runs the two at once: SQLite's one connection queues the window's addition
  // behind the open transaction, so there is no race to test there.
  it.runIf(dialect === "postgres")(
    "count a write whose transaction is open while a window is added once, by the write",
    async () => {
      await withTestDatabase(dialect, async ({ db }) => {
        const u = await buildOrganisation(db);
        const task = await buildTask(db, { lead_org_id: u.id, due_date: "2026-06-10" });
        let adding: Promise<void> | undefined;
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable("tasks")
            .set({ due_date: "2026-05-20" })
            .where("id", "=", task.id)
            .execute();
          adding = keepSoonWindow(db, 5);
          await untilWaitingOnWindows(trx);
        });
        await adding;
        for (const dueSoonDays of [5, 15]) {
          const { items } = await rankLeadUnits(db, { asOf: "2026-06-01", dueSoonDays });
          expect(items[0]!.counts, String(dueSoonDays)).toMatchObject({ overdue: 1, due_soon: 0 });
        }
      });
    },
  );
});
