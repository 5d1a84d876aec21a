import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import {
  FILES,
  importSeed,
  makeUser,
  postReportWithFiles,
  startHarness,
  unitTask,
  type Harness,
} from "../../../server/src/test-support/server-harness.js";
import { runCli } from "../test-support/run-cli.js";

describe("giamsat evidence migrate: usage", () => {
  it("needs the migrate subcommand and a store, and the database store only on PostgreSQL", async () => {
    const env = { GIAMSAT_LOG: "silent", GIAMSAT_DATA_DIR: "/nonexistent/giamsat" };
    expect((await runCli(["evidence"], { env })).stderr).toMatch(/Cần lệnh con migrate/);
    const bad = await runCli(["evidence", "migrate", "--to", "s3"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--to: cần local hoặc database/);
    const folder = mkdtempSync(path.join(tmpdir(), "giamsat-evidence-cli-"));
    try {
      const sqlite = await runCli(["evidence", "migrate", "--to", "database"], {
        env: { ...env, GIAMSAT_DATA_DIR: folder },
      });
      expect(sqlite.code).toBe(2);
      expect(sqlite.stderr).toMatch(/--to database: .* chỉ dùng được với PostgreSQL/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.runIf(dialects().includes("postgres"))("giamsat evidence migrate (postgres)", () => {
  let h: Harness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness("postgres", { GIAMSAT_EVIDENCE_STORE: "database" });
    env = {
      GIAMSAT_LOG: "silent",
      GIAMSAT_DATA_DIR: h.dataDir,
      DATABASE_URL: h.ctx.config.database.url as string,
    };
    const { taskId, unitId } = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    const staff = await makeUser(h.ctx, "unit_staff", unitId);
    const sent = await postReportWithFiles(h.app, staff.headers, taskId, [
      { name: "a.pdf", content: FILES.pdf },
      { name: "b.png", content: FILES.png },
    ]);
    expect(sent.status).toBe(201);
  });
  afterAll(async () => h.close());

  it("moves the files to the folder and back, printing the counts; a second run copies nothing", async () => {
    const toLocal = await runCli(["evidence", "migrate", "--to", "local"], { env });
    expect(toLocal.stderr).toBe("");
    expect(toLocal.code).toBe(0);
    expect(toLocal.stdout).toMatch(/Kho minh chứng đích: local \(thư mục dữ liệu\)\. 2 tệp/);
    expect(toLocal.stdout).toMatch(/đã chép: 2 tệp .* đã có sẵn, mã băm khớp: 0/);
    const again = await runCli(["evidence", "migrate", "--to", "local"], { env });
    expect(again.stdout).toMatch(/đã chép: 0 tệp .* đã có sẵn, mã băm khớp: 2/);
    const back = await runCli(["evidence", "migrate", "--to", "database"], { env });
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/đã chép: 0 tệp .* đã có sẵn, mã băm khớp: 2/);
    expect(back.stdout).toMatch(/thiếu ở cả hai kho: 0 · sai mã băm: 0/);
  });

  it("refuses the database store without PostgreSQL", async () => {
    const sqlite = { GIAMSAT_LOG: "silent", GIAMSAT_DATA_DIR: h.dataDir };
    const run = await runCli(["evidence", "migrate", "--to", "database"], {
      env: { ...sqlite, GIAMSAT_EVIDENCE_STORE: "database" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/GIAMSAT_EVIDENCE_STORE: .*PostgreSQL/);
  });
});
