/**
 * Secure cookies and HSTS, and the login throttle: it keys on
 * the real client address behind a trusted proxy, slows one account exponentially without
 * locking its owner out for long, caps the failures from one address whatever the usernames,
 * keeps nothing past its windows, and logins and failed logins are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, withTestDatabase } from "../../../db/src/test-support/index.js";
import { LoginLimiter, LOGIN_LIMITS } from "../services/login-limiter.js";
import { makeUser, startHarness, type Harness } from "../test-support/server-harness.js";

describe.each(dialects())("login limiter (%s)", (dialect) => {
  it("doubles the wait after the free failures, capped, and forgets after a success", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const limiter = new LoginLimiter(db);
      const t0 = 1_000_000;
      for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++) {
        expect(await limiter.refusal("lanhdao", `10.0.0.${i}`, t0)).toBeNull();
        await limiter.fail("lanhdao", `10.0.0.${i}`, t0);
      }
      // After the free failures: 1 s, then 2 s, … (any spelling of the username).
      expect((await limiter.refusal("LanhDao", "10.0.1.1", t0 + 999))?.code).toBe("rate_limited");
      expect(await limiter.refusal("lanhdao", "10.0.1.1", t0 + 1000)).toBeNull();
      await limiter.fail("lanhdao", "10.0.1.1", t0 + 1000);
      expect(await limiter.refusal("lanhdao", "10.0.1.2", t0 + 2999)).not.toBeNull();
      expect(await limiter.refusal("lanhdao", "10.0.1.2", t0 + 3000)).toBeNull();
      for (let i = 0; i < 40; i++) await limiter.fail("lanhdao", `10.0.2.${i}`, t0 + 3000);
      // Never locked out for longer than the cap, however many failures.
      const cap = t0 + 3000 + LOGIN_LIMITS.maxDelayMs;
      expect(await limiter.refusal("lanhdao", "10.0.3.1", cap - 1)).not.toBeNull();
      expect(await limiter.refusal("lanhdao", "10.0.3.1", cap)).toBeNull();
      await limiter.succeed("LANHDAO");
      await limiter.fail("lanhdao", "10.0.4.1", cap);
      expect(await limiter.refusal("lanhdao", "10.0.4.1", cap)).toBeNull();
    });
  });

  it("forgets an account's failures an hour after the last one: its free failures start again", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const limiter = new LoginLimiter(db);
      const t0 = 1_000_000;
      for (let i = 0; i < LOGIN_LIMITS.freeFailures + 5; i++)
        await limiter.fail("lanhdao", `10.0.0.${i}`, t0);
      expect((await limiter.refusal("lanhdao", "10.0.1.1", t0 + 1000))?.code).toBe("rate_limited");
      // the next failure comes when the last one is forgotten: it is the first of a new count
      const later = t0 + LOGIN_LIMITS.forgetMs;
      await limiter.fail("lanhdao", "10.0.1.1", later);
      expect(await limiter.refusal("lanhdao", "10.0.1.1", later)).toBeNull();
      await limiter.fail("lanhdao", "10.0.1.1", later);
      expect(await limiter.refusal("lanhdao", "10.0.1.1", later)).toBeNull();
      await limiter.fail("lanhdao", "10.0.1.1", later);
      expect((await limiter.refusal("lanhdao", "10.0.1.1", later))?.code).toBe("rate_limited");
    });
  });

  it("caps the failures from one address whatever the usernames", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const limiter = new LoginLimiter(db);
      for (let i = 0; i < LOGIN_LIMITS.ipMaxFailures; i++)
        await limiter.fail(`u${i}`, "203.0.113.9", 0);
      expect((await limiter.refusal("nguoi-moi", "203.0.113.9", 1))?.code).toBe("rate_limited");
      expect(await limiter.refusal("nguoi-moi", "198.51.100.7", 1)).toBeNull();
      expect(await limiter.refusal("nguoi-moi", "203.0.113.9", LOGIN_LIMITS.ipWindowMs)).toBeNull();
    });
  });

  it("keeps no entry past its windows: a flood of usernames leaves nothing behind", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const limiter = new LoginLimiter(db);
      for (let i = 0; i < 200; i++) await limiter.fail(`u${i}`, `10.0.${i >> 8}.${i & 255}`, i);
      const later = LOGIN_LIMITS.forgetMs + 1000;
      await limiter.fail("cuoi-cung", "192.0.2.1", later);
      const left = await db.selectFrom("login_failures").select("key").execute();
      expect(left.map((r) => r.key).sort()).toEqual(["192.0.2.1", "cuoi-cung"]);
    });
  });
});

describe.each(dialects())("login behind a trusted proxy (%s)", (dialect) => {
  let h: Harness;
  let user: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect, { GIAMSAT_TRUST_PROXY: "127.0.0.1" });
    user = await makeUser(h.ctx, "leader");
  });
  afterAll(async () => h.close());

  const attempt = (username: string, password: string, from: string, proto = "http") =>
    h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "x-forwarded-for": from, "x-forwarded-proto": proto },
      payload: { username, password },
    });

  it("many usernames from one address are capped; the real user elsewhere still logs in", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.ipMaxFailures + 5; i++)
      statuses.push((await attempt(`doan-${i}`, "sai-mat-khau", "203.0.113.9")).statusCode);
    expect(statuses.slice(0, LOGIN_LIMITS.ipMaxFailures).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(LOGIN_LIMITS.ipMaxFailures).every((s) => s === 429)).toBe(true);
    const owner = await attempt(user.username, user.password, "198.51.100.7");
    expect(owner.statusCode).toBe(200);
  });

  it("failures against one account slow it down; logins and failures are audited", async () => {
    for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++)
      expect((await attempt(user.username, "sai", `192.0.2.${i}`)).statusCode).toBe(401);
    const throttled = await attempt(user.username, user.password, "192.0.2.50");
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().message).toMatch(/thử lại sau \d+ giây/);
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select(["action", "after"])
      .where("action", "in", ["auth.login", "auth.login_failed"])
      .execute();
    expect(audit.filter((a) => a.action === "auth.login")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "auth.login_failed").length).toBeGreaterThanOrEqual(
      LOGIN_LIMITS.ipMaxFailures + LOGIN_LIMITS.freeFailures,
    );
    expect(JSON.stringify(audit)).toContain("192.0.2.0");
  });

  it("over HTTPS through the proxy the session cookie is Secure and HSTS is sent", async () => {
    const other = await makeUser(h.ctx, "monitor");
    const res = await attempt(other.username, other.password, "198.51.100.8", "https");
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["set-cookie"])).toMatch(/giamsat_session=[^;]+;.*Secure/);
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const plain = await attempt(other.username, other.password, "198.51.100.8", "http");
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
  });
});
