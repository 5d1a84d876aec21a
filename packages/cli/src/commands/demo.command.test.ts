/**
 * `giamsat demo` on PostgreSQL (DATABASE_URL) with no data folder yet: it makes the folder for
 * the evidence files and the demo accounts, imports the plans and serves; run again, it prints
 * the same accounts and passwords, and they log in.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../../db/src/test-support/index.js";
import { buildCli, startServe } from "../../../server/src/test-support/serve-process.js";

describe.skipIf(!dialects().includes("postgres"))("giamsat demo on PostgreSQL", () => {
  beforeAll(buildCli, 600_000);
  const scratch = mkdtempSync(path.join(tmpdir(), "giamsat-demo-pg-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("starts with no data folder, and keeps the accounts it printed", async () => {
    const db = await createTestDatabase("postgres");
    const dataDir = path.join(scratch, "chua-co");
    const env = {
      DATABASE_URL: db.url as string,
      GIAMSAT_DATA_DIR: dataDir,
      GIAMSAT_LOG: "silent",
    };
    /** One run of `giamsat demo` to its printed accounts: those lines, and the server's address. */
    const run = async () => {
      const demo = await startServe(env, "demo");
      await expect.poll(() => demo.stdout()).toContain("Dừng: Ctrl+C");
      const accounts = /Tài khoản mẫu:\n([^]*?)\n\nDừng/.exec(demo.stdout())?.[1] ?? "";
      return { demo, accounts };
    };
    try {
      const first = await run();
      first.demo.process.kill("SIGTERM");
      await first.demo.exited;
      expect(first.accounts).toMatch(/^ {2}admin /);
      expect(first.demo.stderr()).toBe("");
      expect(existsSync(path.join(dataDir, "demo-accounts.json"))).toBe(true);
      // run again: the same accounts and passwords are printed, and they log in
      const second = await run();
      try {
        expect(second.accounts).toBe(first.accounts);
        const [, username, password] = /^ {2}(\S+)\s+(\S+)/.exec(second.accounts)!;
        const login = await fetch(`${second.demo.address}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username, password }),
        });
        expect(login.status).toBe(200);
      } finally {
        second.demo.process.kill("SIGTERM");
        await second.demo.exited;
      }
    } finally {
      await db.close();
    }
  }, 180_000);
});
