import { listAudit } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, buildUser, dialects } from "../../db/src/test-support/index.js";
import { createUser } from "./services/user.service.js";
import {
  call,
  login,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

const PASSWORD = "mat-khau-ban-dau";

describe.each(dialects())("accounts: search, unit and role, passwords, locks (%s)", (dialect) => {
  let h: Harness;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  let units: { khanhHoa: number; dienLuc: number };
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await makeUser(h.ctx, "admin");
    units = {
      khanhHoa: (await buildOrganisation(h.ctx.db, { name: "Sở Công Thương Khánh Hòa" })).id,
      dienLuc: (await buildOrganisation(h.ctx.db, { name: "Cục Điện lực" })).id,
    };
  });
  afterAll(async () => h.close());

  const newUser = async (username: string, displayName: string, orgId: number | null = null) =>
    (
      await createUser(h.ctx, null, {
        username,
        displayName,
        role: orgId ? "unit_staff" : "leader",
        orgId,
        password: PASSWORD,
      })
    ).user;
  const asAdmin = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    call(h.app, { method, url, headers: admin.headers, ...(payload ? { payload } : {}) });

  it("finds users by name or unit without diacritics, by role and state, a page at a time", async () => {
    const anh = await newUser("nv.anh", "Nguyễn Văn Ánh", units.khanhHoa);
    await newUser("tt.binh", "Trần Thị Bình", units.dienLuc);
    await newUser("ld.cuong", "Lê Đức Cường");
    const byName = await asAdmin("GET", "/api/users?q=nguyen%20van%20anh");
    expect(byName.body.items.map((u: { username: string }) => u.username)).toEqual(["nv.anh"]);
    expect(byName.body.items[0]).toMatchObject({ orgName: "Sở Công Thương Khánh Hòa" });
    const byUnit = await asAdmin("GET", "/api/users?q=khanh%20hoa");
    expect(byUnit.body.items.map((u: { id: number }) => u.id)).toEqual([anh.id]);
    const leaders = await asAdmin("GET", "/api/users?role=leader");
    expect(leaders.body.items.map((u: { username: string }) => u.username)).toEqual(["ld.cuong"]);
    const page = await asAdmin("GET", "/api/users?limit=2&offset=1");
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe((await asAdmin("GET", "/api/users")).body.total);
    expect((await asAdmin("GET", "/api/users?role=chief")).status).toBe(400);
  });

  it("lists the users of a unit (main unit or one it acts for) and by state, 50 a page and the next", async () => {
    const phong = (await buildOrganisation(h.ctx.db, { name: "Phòng Quản lý năng lượng" })).id;
    const other = (await buildOrganisation(h.ctx.db, { name: "Phòng khác" })).id;
    for (let i = 0; i < 52; i++)
      await buildUser(h.ctx.db, {
        username: `qlnl.${String(i).padStart(2, "0")}`,
        org_id: phong,
        active: i % 4 === 0 ? 0 : 1,
      });
    const also = await buildUser(h.ctx.db, { username: "kiem.nhiem", org_id: other });
    await h.ctx.db.insertInto("user_orgs").values({ user_id: also.id, org_id: phong }).execute();
    await buildUser(h.ctx.db, { username: "chi.phong.khac", org_id: other });
    const names = (res: { body: { items: { username: string }[] } }) =>
      res.body.items.map((u) => u.username);

    const first = await asAdmin("GET", `/api/users?org=${phong}`);
    expect(first.body.total).toBe(53);
    expect(first.body.items).toHaveLength(50);
    const second = await asAdmin("GET", `/api/users?org=${phong}&offset=50`);
    expect(names(second)).toEqual(["qlnl.49", "qlnl.50", "qlnl.51"]);
    expect(names(first)).toContain("kiem.nhiem");
    expect([...names(first), ...names(second)]).not.toContain("chi.phong.khac");

    const locked = await asAdmin("GET", `/api/users?org=${phong}&active=false`);
    expect(locked.body.total).toBe(13);
    expect(locked.body.items.every((u: { active: boolean }) => !u.active)).toBe(true);
    const active = await asAdmin("GET", `/api/users?org=${phong}&active=true&q=qlnl`);
    expect(active.body.total).toBe(39);
  });

  it("changes a user's unit and role, audited with before and after", async () => {
    const user = await newUser("doi.donvi", "Đổi Đơn Vị", units.khanhHoa);
    const moved = await asAdmin("PATCH", `/api/users/${user.id}`, {
      orgId: units.dienLuc,
      role: "unit_head",
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      orgId: units.dienLuc,
      orgName: "Cục Điện lực",
      role: "unit_head",
    });
    expect(moved.body.orgIds).toEqual([units.dienLuc]);
    const [audit] = (await listAudit(h.ctx.db, [{ entity: "user", ids: [user.id] }])).filter(
      (e) => e.action === "user.update",
    );
    expect(audit?.actor_id).toBe(admin.user.id);
    expect(JSON.parse(audit!.before as string)).toMatchObject({
      role: "unit_staff",
      orgId: units.khanhHoa,
    });
    expect(JSON.parse(audit!.after as string)).toMatchObject({
      role: "unit_head",
      orgId: units.dienLuc,
    });
    const noUnit = await asAdmin("PATCH", `/api/users/${user.id}`, { orgId: null });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.message).toMatch(/^orgId: /);
  });

  it("keeps the e-mail address the administrator gives, checked; the user reads it in their preferences", async () => {
    const made = await asAdmin("POST", "/api/users", {
      username: "co.thu",
      role: "unit_staff",
      orgId: units.dienLuc,
      email: "  co.thu@dienluc.example.vn ",
    });
    expect(made.status).toBe(201);
    expect(made.body.user.email).toBe("co.thu@dienluc.example.vn");
    const id = made.body.user.id as number;
    const changed = await asAdmin("PATCH", `/api/users/${id}`, {
      email: "thu.moi@dienluc.example.vn",
    });
    expect(changed.body.email).toBe("thu.moi@dienluc.example.vn");
    for (const bad of ["khong-phai-thu", "a b@example.vn", "ten@may"]) {
      const refused = await asAdmin("PATCH", `/api/users/${id}`, { email: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe(`email: địa chỉ e-mail không hợp lệ: "${bad}".`);
    }
    const session = await login(h.app, "co.thu", made.body.password as string);
    const prefs = await call(h.app, {
      url: "/api/notifications/preferences",
      cookies: session.cookies,
    });
    expect(prefs.body.email).toBe("thu.moi@dienluc.example.vn");
    // '' takes the address away: no more e-mail
    expect((await asAdmin("PATCH", `/api/users/${id}`, { email: "" })).body.email).toBeNull();
  });

  it("a user changes their own password with the current one; their other sessions end", async () => {
    const user = await newUser("tu.doi", "Tự Đổi Mật Khẩu");
    const here = await login(h.app, user.username, PASSWORD);
    const elsewhere = await login(h.app, user.username, PASSWORD);
    const change = (payload: object) =>
      call(h.app, {
        method: "POST",
        url: "/api/auth/password",
        cookies: here.cookies,
        headers: { "x-csrf-token": here.csrf },
        payload,
      });
    const wrong = await change({ currentPassword: "sai-mat-khau", newPassword: "mat-khau-moi-1" });
    expect([wrong.status, wrong.body.message]).toEqual([
      400,
      "currentPassword: mật khẩu hiện tại không đúng.",
    ]);
    const short = await change({ currentPassword: PASSWORD, newPassword: "ngan" });
    expect([short.status, short.body.message]).toEqual([
      400,
      "newPassword: mật khẩu phải có ít nhất 10 ký tự.",
    ]);
    const same = await change({ currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status).toBe(400);
    expect(
      (await change({ currentPassword: PASSWORD, newPassword: "mat-khau-moi-1" })).status,
    ).toBe(200);
    expect((await call(h.app, { url: "/api/auth/me", cookies: here.cookies })).status).toBe(200);
    expect((await call(h.app, { url: "/api/auth/me", cookies: elsewhere.cookies })).status).toBe(
      401,
    );
    await expect(login(h.app, user.username, PASSWORD)).rejects.toThrow(/401/);
    await login(h.app, user.username, "mat-khau-moi-1");
  });

  it("an administrator resets a password: the new one is returned once, sessions end", async () => {
    const user = await newUser("quen.mk", "Quên Mật Khẩu");
    const session = await login(h.app, user.username, PASSWORD);
    const reset = await asAdmin("POST", `/api/users/${user.id}/password`, {});
    expect(reset.status).toBe(200);
    expect(reset.body.password).toMatch(/^\S{10,}$/);
    expect((await call(h.app, { url: "/api/auth/me", cookies: session.cookies })).status).toBe(401);
    await login(h.app, user.username, reset.body.password);
    const chosen = await asAdmin("POST", `/api/users/${user.id}/password`, { password: "ngan" });
    expect([chosen.status, chosen.body.message]).toEqual([
      400,
      "password: mật khẩu phải có ít nhất 10 ký tự.",
    ]);
  });

  it("a locked user with the right password is told the account is locked; a guess is not", async () => {
    const user = await newUser("bi.khoa", "Bị Khoá");
    expect((await asAdmin("PATCH", `/api/users/${user.id}`, { active: false })).status).toBe(200);
    const right = await call(h.app, {
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: PASSWORD },
    });
    expect(right.status).toBe(403);
    expect(right.body).toEqual({
      code: "account_locked",
      message: "Tài khoản này đã bị khoá. Hãy liên hệ quản trị hệ thống để được mở khoá.",
    });
    const guess = await call(h.app, {
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: "doan-bua" },
    });
    expect([guess.status, guess.body.code]).toEqual([401, "unauthenticated"]);
  });
});
