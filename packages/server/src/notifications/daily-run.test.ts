/**
 * The daily jobs behind several servers: of two servers whose schedules fire together, one
 * runs the day's job and the other skips it; a failed run is taken by the next server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { startHarness, type Harness } from "../test-support/server-harness.js";
import { runDailyOnce, runnerName } from "./daily-run.js";

describe.each(dialects())("a daily job on several servers (%s)", (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  it("is run by one server only, once a day", async () => {
    const ran: string[] = [];
    const servers = [runnerName(), runnerName()];
    const results = await Promise.all(
      servers.map((holder) =>
        runDailyOnce(h.ctx, { name: "reminders", day: "2026-12-07", holder }, async () => {
          ran.push(holder);
          await new Promise((resolve) => setTimeout(resolve, 50));
          return holder;
        }),
      ),
    );
    expect(ran).toHaveLength(1);
    expect(results.filter((r) => r !== null)).toEqual(ran);
    const again = await runDailyOnce(
      h.ctx,
      { name: "reminders", day: "2026-12-07", holder: servers[1]! },
      async () => "lần hai",
    );
    expect(again).toBeNull();
  });

  it("is taken by the next server after a failed run", async () => {
    const run = { name: "indicator-evaluations", day: "2026-12-07" };
    await expect(
      runDailyOnce(h.ctx, { ...run, holder: runnerName() }, async () => {
        throw new Error("mất kết nối");
      }),
    ).rejects.toThrow("mất kết nối");
    expect(await runDailyOnce(h.ctx, { ...run, holder: runnerName() }, async () => 3)).toBe(3);
  });
});
