/**
 * `giamsat demo` on PostgreSQL (DATABASE_URL) with no data folder yet: it makes the folder for
 * the evidence files and the demo accounts, imports the plans and serves.
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

  it("starts with no data folder, and keeps its accounts there", async () => {
    const db = await createTestDatabase("postgres");
    const dataDir = path.join(scratch, "chua-co");
    try {
      const demo = await startServe(
        { DATABASE_URL: db.url as string, GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" },
        "demo",
      );
      await expect.poll(() => demo.stdout()).toContain("Dừng: Ctrl+C");
      demo.process.kill("SIGTERM");
      await demo.exited;
      expect(demo.stdout()).toMatch(/Tài khoản mẫu:\n {2}admin /);
      expect(demo.stderr()).toBe("");
      expect(existsSync(path.join(dataDir, "demo-accounts.json"))).toBe(true);
    } finally {
      await db.close();
    }
  }, 120_000);
});
