/**
 * Claiming the outbox: a claimed row is leased — not claimed again until the lease runs out,
 * then claimed again (its worker died). On PostgreSQL, workers claim with FOR UPDATE SKIP
 * LOCKED: a second worker claiming while the first one's claim is still open takes other rows at
 * once, never the same ones and without waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../test-support/index.js";
import { claimOutbox, enqueueOutbox } from "./outbox.repository.js";

const NOW = "2026-06-15T00:00:00.000Z";
const LATER = "2026-06-15T00:05:00.000Z";

describe.each(dialects())("claiming the notification outbox (%s)", (dialect) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    await enqueueOutbox(
      handle.db,
      Array.from({ length: 10 }, (_, i) => ({
        rule: "report_return",
        item: `report:${i + 1}`,
        period: "2026-06",
        recipient_id: null,
        step: "0",
        channel: "email" as const,
        kind: "report_returned",
        address: `nguoi${i + 1}@example.vn`,
        subject: `Thư ${i + 1}`,
        link: "/",
        next_attempt_at: NOW,
        body: { text: "Nội dung", html: "<p>Nội dung</p>" },
      })),
    );
  });
  afterAll(async () => handle.close());

  const claim = (db: typeof handle.db, now: string, limit: number) =>
    claimOutbox(db, dialect, { now, leaseUntil: LATER, limit, channel: "email" });
  const items = (rows: { item: string }[]) => rows.map((r) => r.item).sort();

  it.runIf(dialect === "postgres")(
    "gives a second worker other rows while the first one's claim is open, without waiting",
    async () => {
      const [first, second] = await handle.db.transaction().execute(async (trx) => {
        const mine = await claim(trx, NOW, 4);
        // another connection of the pool, while this transaction still holds its rows
        const theirs = await Promise.race([
          claim(handle.db, NOW, 4),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("the second claim waited for the first")), 5000),
          ),
        ]);
        return [mine, theirs];
      });
      expect(first).toHaveLength(4);
      expect(second).toHaveLength(4);
      expect(items(first).filter((i) => items(second).includes(i))).toEqual([]);
      // the rest, then nothing while the leases run
      expect(await claim(handle.db, NOW, 10)).toHaveLength(2);
      expect(await claim(handle.db, NOW, 10)).toEqual([]);
    },
  );

  it("claims a row once while its lease runs, and again once it has run out", async () => {
    const all = items(await claim(handle.db, NOW, 10));
    if (dialect === "sqlite") expect(all).toHaveLength(10);
    expect(await claim(handle.db, NOW, 10)).toEqual([]);
    const again = await claim(handle.db, "2026-06-15T00:05:00.001Z", 100);
    expect(again).toHaveLength(10);
    expect(again.every((r) => r.attempts === 2)).toBe(true);
  });
});
