import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  login,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
  freshPeriod,
} from "./test-support/server-harness.js";

describe.each(dialects())("authentication and CSRF (%s)", (dialect) => {
  let h: Harness;
  let own: { taskId: number; unitId: number };
  beforeAll(async () => {
    h = await startHarness(dialect);
    own = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
  });
  afterAll(async () => h.close());

  const report = { state: "in_progress", summary: "Đang thực hiện" };

  it("sets an httpOnly, SameSite=Lax session cookie and requires the CSRF header on writes", async () => {
    const staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: staff.username, password: staff.password },
    });
    const session = res.cookies.find((c) => c.name === "giamsat_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const { cookies, csrf } = await login(h.app, staff.username, staff.password);

    const me = await call(h.app, { url: "/api/auth/me", cookies });
    expect(me.body.user).toMatchObject({
      username: staff.username,
      role: "unit_staff",
      org: { id: own.unitId },
    });
    expect(me.body.csrfToken).toBe(csrf);

    const url = `/api/tasks/${own.taskId}/reports`;
    const without = await call(h.app, { method: "POST", url, cookies, payload: report });
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ code: "csrf" });
    const wrong = await call(h.app, {
      method: "POST",
      url,
      cookies,
      headers: { "x-csrf-token": "x".repeat(43) },
      payload: report,
    });
    expect(wrong.status).toBe(403);
    const right = await call(h.app, {
      method: "POST",
      url,
      cookies,
      headers: { "x-csrf-token": csrf },
      payload: report,
    });
    expect(right.status).toBe(201);

    await call(h.app, {
      method: "POST",
      url: "/api/auth/logout",
      cookies,
      headers: { "x-csrf-token": csrf },
    });
    expect((await call(h.app, { url: "/api/auth/me", cookies })).status).toBe(401);
  });

  it("accepts API tokens (no CSRF) everywhere a session is, and rejects unknown ones", async () => {
    const staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    const ok = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: staff.headers,
      payload: { ...report, period: freshPeriod(h) },
    });
    expect(ok.status).toBe(201);
    const bad = await call(h.app, {
      url: "/api/plans",
      headers: { authorization: "Bearer gs_not-a-token" },
    });
    expect(bad.status).toBe(401);
    expect(bad.body.message).toMatch(/Mã truy cập/);
  });

  it("gives each of many requests sent at once its own user and units, refusing the unknown and the expired", async () => {
    const others = await h.ctx.db
      .selectFrom("organisations")
      .select("id")
      .where("kind", "=", "unit")
      .where("id", "!=", own.unitId)
      .orderBy("id")
      .limit(2)
      .execute();
    const people = [
      await makeUser(h.ctx, "unit_staff", own.unitId),
      await makeUser(h.ctx, "unit_head", others[0]!.id),
      await makeUser(h.ctx, "unit_staff", others[1]!.id),
      await makeUser(h.ctx, "monitor"),
      await makeUser(h.ctx, "leader"),
    ];
    const sessions = await Promise.all(people.map((p) => login(h.app, p.username, p.password)));
    const expired = await login(h.app, people[0]!.username, people[0]!.password);
    await h.ctx.db
      .updateTable("sessions")
      .set({ expires_at: "2020-01-01T00:00:00.000Z" })
      .where("csrf_token", "=", expired.csrf)
      .execute();
    const me = (opts: { headers?: Record<string, string>; cookies?: Record<string, string> }) =>
      call(h.app, { url: "/api/auth/me", ...opts });
    // tokens and sessions of different users, several times each, all in one turn
    const answers = await Promise.all([
      ...people.flatMap((p) => [me({ headers: p.headers }), me({ headers: p.headers })]),
      ...sessions.map((s) => me({ cookies: s.cookies })),
      me({ headers: { authorization: "Bearer gs_not-a-token" } }),
      me({ cookies: expired.cookies }),
    ]);
    const expected = [
      ...people.flatMap((p) => [p, p]).map((p) => ({ username: p.username, csrf: undefined })),
      ...people.map((p, i) => ({ username: p.username, csrf: sessions[i]!.csrf })),
    ];
    for (const [i, want] of expected.entries()) {
      const got = answers[i]!;
      expect(got.status).toBe(200);
      expect(got.body.user.username).toBe(want.username);
      if (want.csrf) expect(got.body.csrfToken).toBe(want.csrf);
    }
    expect(answers.slice(-2).map((a) => a.status)).toEqual([401, 401]);
    // each unit user acts for its own unit only
    const unitOf = (i: number) => answers[i * 2]!.body.user.org?.id;
    expect([unitOf(0), unitOf(1), unitOf(2)]).toEqual([own.unitId, others[0]!.id, others[1]!.id]);
  });

  it("rejects a wrong password in Vietnamese and throttles repeated failures", async () => {
    const user = await makeUser(h.ctx, "leader");
    const attempt = (password: string) =>
      call(h.app, {
        method: "POST",
        url: "/api/auth/login",
        payload: { username: user.username, password },
      });
    const first = await attempt("sai-mat-khau");
    expect(first.status).toBe(401);
    expect(first.body.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    for (let i = 0; i < 4; i++) await attempt("sai-mat-khau");
    const blocked = await attempt(user.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe("rate_limited");
  });

  it("validates input with Vietnamese field messages", async () => {
    const res = await call(h.app, {
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "", password: "x" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: "validation",
      message: expect.stringContaining("username: Nhập tên đăng nhập"),
    });
  });

  it("sends strict security headers", async () => {
    const res = await h.app.inject({ url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
  });
});
