import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, loadConfig, openRuntime } from "@giamsat/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../test-support/run-cli.js";

describe("giamsat migrate / user add / user token", () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-cli-user-"));
    env = { GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** What the API answers to GET /api/auth/me with this bearer token. */
  async function meStatus(token: string): Promise<number> {
    const runtime = await openRuntime(loadConfig(env));
    const app = await createApp(runtime.ctx);
    try {
      return (
        await app.inject({ url: "/api/auth/me", headers: { authorization: `Bearer ${token}` } })
      ).statusCode;
    } finally {
      await app.close();
      await runtime.close();
    }
  }

  it("migrates once, then reports the schema is current", async () => {
    expect((await runCli(["migrate"], { env })).stdout).toMatch(/Đã áp dụng \d+ migration/);
    expect((await runCli(["migrate"], { env })).stdout).toContain("phiên bản mới nhất");
  });

  it("creates an account with a generated password and issues a token that the API accepts", async () => {
    const added = await runCli(["user", "add", "--username", "quantri", "--role", "admin"], {
      env,
    });
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Mật khẩu: \S{14}/);
    const issued = await runCli(["user", "token", "quantri"], { env });
    expect(issued.code).toBe(0);
    const token = issued.stdout.trim().split("\n").at(-1) as string;
    expect(token).toMatch(/^gs_/);

    const runtime = await openRuntime(loadConfig(env));
    const app = await createApp(runtime.ctx);
    try {
      const me = await app.inject({
        url: "/api/auth/me",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { username: "quantri", role: "admin" } });
    } finally {
      await app.close();
      await runtime.close();
    }
  });

  it("lists a user's tokens and revokes one, then all; a revoked token stops working", async () => {
    const issue = async (name: string) =>
      (await runCli(["user", "token", "quantri", "--name", name], { env })).stdout
        .trim()
        .split("\n")
        .at(-1) as string;
    const first = await issue("tich-hop-a");
    const second = await issue("tich-hop-b");
    const listed = async () =>
      (await runCli(["user", "token", "quantri", "--list"], { env })).stdout;
    const ids = Object.fromEntries(
      [...(await listed()).matchAll(/^(\d+)\t(\S+)\t/gm)].map((m) => [m[2], Number(m[1])]),
    );
    expect(Object.keys(ids)).toEqual(expect.arrayContaining(["tich-hop-a", "tich-hop-b"]));
    expect(await listed()).not.toContain(first);

    const one = await runCli(["user", "token", "quantri", "--revoke", String(ids["tich-hop-a"])], {
      env,
    });
    expect(one.stdout).toContain(`Đã thu hồi mã truy cập số ${ids["tich-hop-a"]} của quantri.`);
    expect(await meStatus(first)).toBe(401);
    expect(await meStatus(second)).toBe(200);
    expect(await listed()).not.toContain("tich-hop-a");

    const all = await runCli(["user", "token", "quantri", "--revoke", "all"], { env });
    expect(all.code).toBe(0);
    expect(await meStatus(second)).toBe(401);
    expect(await listed()).toBe("quantri không có mã truy cập nào.\n");
    const bad = await runCli(["user", "token", "quantri", "--revoke", "mot"], { env });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('nhận "mot"')]);
  });

  it("refuses bad input with exit code 2 and a Vietnamese message", async () => {
    const role = await runCli(["user", "add", "--username", "nguoi1", "--role", "boss"], { env });
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("Vai trò không hợp lệ");
    const org = await runCli(
      ["user", "add", "--username", "nguoi2", "--role", "unit_staff", "--org", "Cục Không Tồn Tại"],
      { env },
    );
    expect(org.code).toBe(2);
    expect(org.stderr).toContain("Không tìm thấy đơn vị");
    const unit = await runCli(["user", "add", "--username", "nguoi3", "--role", "unit_staff"], {
      env,
    });
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain("phải gắn với một đơn vị");
    const dup = await runCli(["user", "add", "--username", "quantri", "--role", "leader"], { env });
    expect(dup.stderr).toContain("đã tồn tại");
    expect((await runCli(["user", "token", "khong-co"], { env })).code).toBe(2);
  });
});
