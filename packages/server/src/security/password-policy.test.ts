/**
 * A password has at least 10 characters and is not in the list of common
 * passwords shipped with the project — at account creation and at an administrator's reset.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { passwordProblem } from "../services/password-policy.js";
import { call, makeUser, startHarness, type Harness } from "../test-support/server-harness.js";

describe("password rule", () => {
  it("refuses short and common passwords, case-insensitively", () => {
    expect(passwordProblem("ngan-12")).toMatch(/10 ký tự/);
    expect(passwordProblem("MatKhau123")).toMatch(/phổ biến/);
    expect(passwordProblem("1234567890")).toMatch(/phổ biến/);
    expect(passwordProblem("Sông Hồng mùa thu 2026")).toBeNull();
  });
});

describe.each(dialects())("password rule through the API (%s)", (dialect) => {
  let h: Harness;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await makeUser(h.ctx, "admin");
  });
  afterAll(async () => h.close());

  const create = (username: string, password: string) =>
    call(h.app, {
      method: "POST",
      url: "/api/users",
      headers: admin.headers,
      payload: { username, role: "leader", password },
    });

  it("account creation and reset refuse a short or common password with a Vietnamese 400", async () => {
    for (const password of ["abc12345", "matkhau123", "Password123"]) {
      const res = await create(`u-${password.length}-${password[0]}`, password);
      expect(res.status, password).toBe(400);
      expect(res.body.message).toMatch(/^password: mật khẩu/);
    }
    const ok = await create("u-tot", "cay-bang-truoc-ngo-2026");
    expect(ok.status).toBe(201);
    const reset = await call(h.app, {
      method: "POST",
      url: `/api/users/${ok.body.user.id}/password`,
      headers: admin.headers,
      payload: { password: "qwertyuiop" },
    });
    expect(reset.status).toBe(400);
  });
});
