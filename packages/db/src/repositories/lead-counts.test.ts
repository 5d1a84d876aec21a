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
import { keepDay, MAX_KEPT_DAYS, rankLeadUnits } from "./lead-counts.js";

type Db = TestDatabase["db"];
const DAYS = ["2026-06-01", "2026-03-31", "2026-06-20"];

/** The kept counts as of `asOf` (kept on first use) against counting the tasks. */
async function expectKeptExact(db: Db, planId: number, asOf: string, dueSoonDays = 15) {
  const w = { asOf, dueSoonDays };
  for (const filter of [{}, { includeConfidential: false }]) {
    const kept = await rankLeadUnits(db, { ...filter, ...w });
    // a plan filter makes it count from the tasks; every task here is in that plan
    const counted = await rankLeadUnits(db, { ...filter, planId, ...w });
    expect(kept, `${asOf} ${JSON.stringify(filter)}`).toEqual(counted);
  }
}

/**
 * Waits until another connection waits for the lock on the kept days (keepDay's LOCK TABLE
 * behind this transaction's trigger): the race is then set up, not left to a sleep.
 */
async function untilWaitingOnKeptDays(trx: Db) {
  for (let tries = 0; tries < 500; tries++) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_locks
      WHERE NOT granted AND relation = 'task_count_days'::regclass`.execute(trx);
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("keepDay never waited for the open transaction's lock");
}

async function keptDays(db: Db) {
  return db
    .selectFrom("task_count_days")
    .select(["id", "as_of", "soon_until", "used_at"])
    .orderBy("id")
    .execute();
}

async function countRowsOf(db: Db, dayId: number) {
  const rows = await db
    .selectFrom("task_lead_counts")
    .select("lead_org_id")
    .where("day_id", "=", dayId)
    .execute();
  return rows.length;
}

describe.each(dialects())("per-unit counts of the kept days (%s)", (dialect) => {
  it("stay exact on every kept day through inserts, completions, reassignment, cancellation, removal and deletion", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      // the three days are kept from the first check on, then written by the triggers alone
      const { plan, units } = await everyKindOfWrite(db, async (planId) => {
        for (const day of DAYS) await expectKeptExact(db, planId, day);
      });
      expect((await keptDays(db)).map((d) => d.as_of)).toEqual(DAYS);
      await expectKeptExact(db, plan.id, "2026-06-20", 30);

      const ranking = await rankLeadUnits(db, { asOf: "2026-06-20" });
      expect(ranking.units).toBe(3);
      // u3: b (overdue since 10/06) and f; u1: a (done late); u2: the recurring task
      expect(ranking.items.map((i) => i.orgId)).toEqual([units.u3, units.u1, units.u2]);
      expect(ranking.items[0]!.counts.overdue).toBe(1);
      expect((await rankLeadUnits(db, { asOf: "2026-06-20" }, 1)).items).toHaveLength(1);
    });
  });

  it("keep each date and due-soon window once, the least recently read dropped first", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const u = await buildOrganisation(db);
      await buildTask(db, { lead_org_id: u.id, due_date: "2026-06-10" });
      const soon = await rankLeadUnits(db, { asOf: "2026-06-01" });
      expect(soon.items[0]!.counts.due_soon).toBe(1);
      const narrow = await rankLeadUnits(db, { asOf: "2026-06-01", dueSoonDays: 5 });
      expect(narrow.items[0]!.counts.in_time).toBe(1);
      await rankLeadUnits(db, { asOf: "2026-06-01" });
      const first = await keptDays(db);
      expect(first.map((d) => [d.as_of, d.soon_until])).toEqual([
        ["2026-06-01", "2026-06-16"],
        ["2026-06-01", "2026-06-06"],
      ]);
      expect(await keepDay(db, { asOf: "2026-06-01" })).toBe(first[0]!.id);

      // read long ago, the first day is the least recently used; a read two hours later
      // refreshes the second's
      const old = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
      await db
        .updateTable("task_count_days")
        .set({ used_at: old(48) })
        .execute();
      await db
        .updateTable("task_count_days")
        .set({ used_at: old(72) })
        .where("id", "=", first[0]!.id)
        .execute();
      await rankLeadUnits(db, { asOf: "2026-06-01", dueSoonDays: 5 });
      const touched = (await keptDays(db))[1]!;
      expect(Date.parse(touched.used_at)).toBeGreaterThan(Date.now() - 60_000);

      for (let day = 2; day <= MAX_KEPT_DAYS; day++) {
        const asOf = `2026-07-${String(day).padStart(2, "0")}`;
        expect((await rankLeadUnits(db, { asOf })).items[0]!.counts.overdue).toBe(1);
      }
      const kept = await keptDays(db);
      expect(kept).toHaveLength(MAX_KEPT_DAYS);
      expect(kept.map((d) => d.id)).not.toContain(first[0]!.id);
      expect(kept[0]).toMatchObject({ id: first[1]!.id });
      expect(await countRowsOf(db, first[0]!.id)).toBe(0);
      expect(await countRowsOf(db, first[1]!.id)).toBe(1);
    });
  });

  // Only PostgreSQL runs the two at once: SQLite's one connection queues the day's addition
  // behind the open transaction, so there is no race to test there.
  it.runIf(dialect === "postgres")(
    "count a write whose transaction is open while its date is added once, by the write",
    async () => {
      await withTestDatabase(dialect, async ({ db }) => {
        const u = await buildOrganisation(db);
        const task = await buildTask(db, { lead_org_id: u.id, due_date: "2026-06-10" });
        await rankLeadUnits(db, { asOf: "2026-06-01" });
        let adding: Promise<number> | undefined;
        await db.transaction().execute(async (trx) => {
          // the trigger runs now, while only 01/06 is kept; the date is added before the commit
          await trx
            .updateTable("tasks")
            .set({ due_date: "2026-05-20" })
            .where("id", "=", task.id)
            .execute();
          adding = keepDay(db, { asOf: "2026-06-05" });
          await untilWaitingOnKeptDays(trx);
        });
        await adding;
        for (const asOf of ["2026-06-01", "2026-06-05"]) {
          const { items } = await rankLeadUnits(db, { asOf });
          expect(items[0]!.counts, asOf).toMatchObject({ overdue: 1, due_soon: 0 });
        }
      });
    },
  );
});
