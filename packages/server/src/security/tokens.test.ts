/**
 * API tokens are listed and revocable, revoked on a password reset and on
 * deactivation (reactivating never revives them), and an administrator cannot mint a token
 * for another user.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { call, makeUser, startHarness, type Harness } from "../test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("API tokens (%s)", (dialect) => {
  let h: Harness;
  let admin: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await makeUser(h.ctx, "admin");
  });
  afterAll(async () => h.close());

  const me = (headers: Record<string, string>) =>
    call(h.app, { url: "/api/auth/me", headers }).then((r) => r.status);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("an administrator cannot mint a token for another user", async () => {
    const leader = await makeUser(h.ctx, "leader");
    const res = await call(h.app, {
      method: "POST",
      url: `/api/users/${leader.user.id}/tokens`,
      headers: admin.headers,
      payload: { name: "giả danh" },
    });
    expect(res.status).toBe(404);
    const tokens = await call(h.app, {
      url: `/api/users/${leader.user.id}/tokens`,
      headers: admin.headers,
    });
    expect(tokens.body.items).toHaveLength(1); // only the one the test harness issued
  });

  it("a user mints, lists and revokes their own tokens; the revoked one stops working", async () => {
    const staff = await makeUser(h.ctx, "leader");
    const minted = await call(h.app, {
      method: "POST",
      url: "/api/auth/tokens",
      headers: staff.headers,
      payload: { name: "tích hợp" },
    });
    expect(minted.status).toBe(201);
    expect(await me(bearer(minted.body.token))).toBe(200);
    const list = await call(h.app, { url: "/api/auth/tokens", headers: staff.headers });
    expect(list.body.items.map((t: { name: string }) => t.name)).toContain("tích hợp");
    expect(JSON.stringify(list.body)).not.toContain(minted.body.token);
    const id = list.body.items.find((t: { name: string }) => t.name === "tích hợp").id;
    const revoked = await call(h.app, {
      method: "DELETE",
      url: `/api/auth/tokens/${id}`,
      headers: staff.headers,
    });
    expect(revoked.status).toBe(200);
    expect(await me(bearer(minted.body.token))).toBe(401);
    expect(await me(staff.headers)).toBe(200);
    // Another user's token is not found through one's own list, and keeps working.
    const adminToken = (await call(h.app, { url: "/api/auth/tokens", headers: admin.headers })).body
      .items[0].id;
    const other = await call(h.app, {
      method: "DELETE",
      url: `/api/auth/tokens/${adminToken}`,
      headers: staff.headers,
    });
    expect(other.status).toBe(404);
    expect(await me(admin.headers)).toBe(200);
  });

  it("a password reset revokes every token of the user", async () => {
    const leader = await makeUser(h.ctx, "leader");
    expect(await me(leader.headers)).toBe(200);
    const reset = await call(h.app, {
      method: "POST",
      url: `/api/users/${leader.user.id}/password`,
      headers: admin.headers,
      payload: {},
    });
    expect(reset.status).toBe(200);
    expect(await me(leader.headers)).toBe(401);
  });

  it("deactivating revokes the tokens and reactivating does not revive them", async () => {
    const leader = await makeUser(h.ctx, "leader");
    const patch = (active: boolean) =>
      call(h.app, {
        method: "PATCH",
        url: `/api/users/${leader.user.id}`,
        headers: admin.headers,
        payload: { active },
      });
    expect((await patch(false)).status).toBe(200);
    expect((await patch(true)).status).toBe(200);
    expect(await me(leader.headers)).toBe(401);
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity", "=", "user")
      .where("entity_id", "=", String(leader.user.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain("token.revoke_all");
  });

  it("an administrator lists and revokes another user's token", async () => {
    const leader = await makeUser(h.ctx, "leader");
    const list = await call(h.app, {
      url: `/api/users/${leader.user.id}/tokens`,
      headers: admin.headers,
    });
    const [token] = list.body.items;
    const res = await call(h.app, {
      method: "DELETE",
      url: `/api/users/${leader.user.id}/tokens/${token.id}`,
      headers: admin.headers,
    });
    expect(res.status).toBe(200);
    expect(await me(leader.headers)).toBe(401);
  });
});
