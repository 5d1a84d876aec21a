/**
 * One server per SQLite data folder: a second `giamsat serve` on the folder is refused while
 * the first runs (two real processes); a lock left by a process that died is taken over; the
 * lock goes when the server stops.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCli,
  runGiamsat,
  startServe,
} from "../../../server/src/test-support/serve-process.js";

describe("one server per SQLite data folder", () => {
  beforeAll(buildCli, 600_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-lock-"));
  const env = { GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses a second serve while the first runs, and frees the folder when it stops", async () => {
    const first = await startServe(env);
    try {
      const second = await runGiamsat(["serve"], env);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(
        `Một máy chủ Giám sát khác (tiến trình ${first.process.pid}) đang chạy trên thư mục dữ liệu ${dataDir}`,
      );
      // a command that runs beside a server is not refused
      expect((await runGiamsat(["remind", "--dry-run"], env)).code).toBe(0);
    } finally {
      first.process.kill("SIGTERM");
      await first.exited;
    }
    expect(existsSync(path.join(dataDir, "serve.pid"))).toBe(false);
  }, 60_000);

  it("takes over a lock left by a process that is gone", async () => {
    // a pid no process has (above the kernel's pid_max)
    writeFileSync(path.join(dataDir, "serve.pid"), "99999999\n");
    const serve = await startServe(env);
    serve.process.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
  }, 60_000);
});
