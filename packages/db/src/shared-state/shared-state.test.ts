/**
 * The state several servers share through the database: each operation is atomic, so two
 * servers racing get one answer — one claim of a daily job, one use of a challenge, every
 * failed login counted.
 */
import { describe, expect, it } from "vitest";
import { dialects, withTestDatabase } from "../test-support/index.js";
import { claimJobRun, endJobRun, renewJobRun } from "./job-runs.repository.js";
import {
  clearAccountFailures,
  loginFailures,
  recordLoginFailure,
} from "./login-failures.repository.js";
import { recentHits, recordHit, useChallenge } from "./public-guard.repository.js";
import { serverSecret } from "./server-secret.repository.js";

const WINDOWS = { forgetMs: 60_000, ipWindowMs: 10_000 };

describe.each(dialects())("shared server state (%s)", (dialect) => {
  it("gives a daily job's run to one holder, to another after the lease ran out, never after it finished", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const a = { name: "reminders", day: "2026-12-05", holder: "a" };
      const b = { ...a, holder: "b" };
      const claims = await Promise.all([
        claimJobRun(db, a, 1000, 5000),
        claimJobRun(db, b, 1000, 5000),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      const [holder, other] = claims[0] ? [a, b] : [b, a];
      expect(await claimJobRun(db, other, 4999, 9000)).toBe(false);
      expect(await renewJobRun(db, holder, 8000)).toBe(true);
      expect(await claimJobRun(db, other, 7000, 9000)).toBe(false);
      // the holder died: its lease runs out and the other takes the run over
      expect(await claimJobRun(db, other, 8001, 12_000)).toBe(true);
      expect(await renewJobRun(db, holder, 20_000)).toBe(false);
      await endJobRun(db, other, 9000, true);
      expect(await claimJobRun(db, holder, 50_000, 60_000)).toBe(false);
      // the next day is a new run; a failed run is given up at once
      const next = { ...a, day: "2026-12-06" };
      expect(await claimJobRun(db, next, 1000, 5000)).toBe(true);
      await endJobRun(db, next, 1500, false);
      expect(await claimJobRun(db, { ...next, holder: "b" }, 1600, 5000)).toBe(true);
    });
  });

  it("accepts a challenge's signature once until it expires, then forgets it", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const uses = await Promise.all([
        useChallenge(db, "sig-1", 10_000, 1000),
        useChallenge(db, "sig-1", 10_000, 1000),
      ]);
      expect(uses.sort()).toEqual([false, true]);
      expect(await useChallenge(db, "sig-1", 10_000, 9999)).toBe(false);
      expect(await useChallenge(db, "sig-1", 30_000, 10_001)).toBe(true);
      const left = await db.selectFrom("used_challenges").selectAll().execute();
      expect(left).toEqual([{ signature: "sig-1", expires_ms: 30_000 }]);
    });
  });

  it("counts hits per client within the window and drops the old ones", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      for (const t of [1000, 2000, 3000]) await recordHit(db, "feedback", "10.0.0.1", t, 0);
      await recordHit(db, "feedback", "10.0.0.2", 3500, 0);
      expect(await recentHits(db, "feedback", "10.0.0.1", 1500)).toEqual([2000, 3000]);
      expect(await recentHits(db, "login", "10.0.0.1", 0)).toEqual([]);
      await recordHit(db, "feedback", "10.0.0.2", 70_000, 10_000);
      expect(await db.selectFrom("rate_hits").select("at_ms").execute()).toEqual([
        { at_ms: 70_000 },
      ]);
    });
  });

  it("counts every failed login of concurrent servers and starts again after the windows", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      await Promise.all(
        Array.from({ length: 8 }, () =>
          recordLoginFailure(db, "lanhdao", "203.0.113.9", 1000, WINDOWS),
        ),
      );
      const now = await loginFailures(db, "lanhdao", "203.0.113.9", 2000, WINDOWS);
      expect(now.account?.failures).toBe(8);
      expect(now.address).toMatchObject({ failures: 8, sinceMs: 1000 });
      // the address's window is over: its count starts again, the account's goes on
      await recordLoginFailure(db, "lanhdao", "203.0.113.9", 11_000, WINDOWS);
      const later = await loginFailures(db, "lanhdao", "203.0.113.9", 11_000, WINDOWS);
      expect(later.account?.failures).toBe(9);
      expect(later.address).toMatchObject({ failures: 1, sinceMs: 11_000 });
      expect(await loginFailures(db, "lanhdao", "203.0.113.9", 71_001, WINDOWS)).toEqual({});
      await clearAccountFailures(db, "lanhdao");
      expect((await loginFailures(db, "lanhdao", "203.0.113.9", 11_000, WINDOWS)).account).toBe(
        undefined,
      );
      // entries past both windows go at the next failure
      await recordLoginFailure(db, "khac", "198.51.100.7", 200_000, WINDOWS);
      const keys = await db.selectFrom("login_failures").select("key").execute();
      expect(keys.map((k) => k.key).sort()).toEqual(["198.51.100.7", "khac"]);
    });
  });

  it("generates a secret once: every server reads the first one stored", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const values = await Promise.all(
        ["x", "y", "z"].map((v) => serverSecret(db, "altcha_hmac_key", () => v)),
      );
      expect(new Set(values).size).toBe(1);
      expect(await serverSecret(db, "altcha_hmac_key", () => "later")).toBe(values[0]);
    });
  });
});
