/**
 * The organisation directory is in the database from the server's start (`giamsat serve`,
 * `giamsat migrate`), so that the unit picker works on a fresh install before any plan import;
 * a later start adds nothing twice and keeps what administrators changed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDirectory } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../db/src/test-support/index.js";
import type { TestDatabase } from "../../db/src/test-support/index.js";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openRuntime } from "./runtime.js";
import { call, makeUser } from "./test-support/server-harness.js";

describe.each(dialects())("the directory loaded at start (%s)", (dialect) => {
  let dataDir: string;
  let pg: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-directory-"));
    env = { GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" };
    if (dialect === "postgres") {
      pg = await createTestDatabase("postgres");
      env.DATABASE_URL = pg.url!;
    }
  });
  afterAll(async () => {
    await pg?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const countOrgs = async (runtime: Awaited<ReturnType<typeof openRuntime>>) =>
    Number(
      (
        await runtime.ctx.db
          .selectFrom("organisations")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("offers a ministry's department to the unit picker before any import, and keeps a rename", async () => {
    const first = await openRuntime(loadConfig(env));
    const app = await createApp(first.ctx);
    const admin = await makeUser(first.ctx, "admin");
    const res = await call(app, {
      method: "GET",
      url: `/api/organisations?q=${encodeURIComponent("cuc dien luc")}&kind=unit`,
      headers: admin.headers,
    });
    expect(res.status).toBe(200);
    const found = (res.body as { items: { id: number; name: string; parentName: string }[] }).items;
    const dienLuc = found.find((o) => o.name === "Cục Điện lực");
    expect(dienLuc?.parentName).toBe("Bộ Công Thương");
    const stored = await countOrgs(first);
    // makeUser may add its own unit; the directory is every entry of the built-in one
    expect(stored).toBeGreaterThanOrEqual(createDirectory().entries.length);
    await first.ctx.db
      .updateTable("organisations")
      .set({ name: "Cục Điện lực (đổi tên)" })
      .where("id", "=", dienLuc!.id)
      .execute();
    await app.close();
    await first.close();

    const second = await openRuntime(loadConfig(env));
    expect(await countOrgs(second)).toBe(stored);
    const renamed = await second.ctx.db
      .selectFrom("organisations")
      .select("name")
      .where("id", "=", dienLuc!.id)
      .executeTakeFirstOrThrow();
    expect(renamed.name).toBe("Cục Điện lực (đổi tên)");
    await second.close();
  });
});
