import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../../db/src/test-support/index.js";
import { runCli } from "../test-support/run-cli.js";

describe.each(dialects())("giamsat backup / restore (%s)", (dialect) => {
  const scratch = mkdtempSync(path.join(tmpdir(), "giamsat-backup-cli-"));
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function environment(): Promise<Record<string, string>> {
    const env = { GIAMSAT_DATA_DIR: path.join(scratch, `data-${closers.length}`) };
    if (dialect === "sqlite") {
      expect((await runCli(["migrate"], { env })).code).toBe(0);
      closers.push(async () => undefined);
      return env;
    }
    const db = await createTestDatabase("postgres");
    closers.push(() => db.close());
    return { ...env, DATABASE_URL: db.url as string };
  }

  it("backs up an installation that has no evidence file yet", async () => {
    const env = await environment();
    const out = path.join(scratch, `${dialect}-empty.tar`);
    const run = await runCli(["backup", "--out", out], { env });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(
      /Đã sao lưu vào .*-empty\.tar: \d+ dòng trong \d+ bảng, 0 tệp; migration 00\d\d-/,
    );
  });

  it("refuses a missing option, an existing output file and a missing archive", async () => {
    const env = await environment();
    expect((await runCli(["backup"], { env })).stderr).toMatch(/Thiếu --out TỆP/);
    const taken = path.join(scratch, "co-san.tar");
    writeFileSync(taken, "x");
    const over = await runCli(["backup", "--out", taken], { env });
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/co-san\.tar đã có: chọn tên khác, không ghi đè/);
    const missing = await runCli(["restore", path.join(scratch, "khong-co.tar")], {
      env: { GIAMSAT_DATA_DIR: path.join(scratch, "moi") },
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Không có tệp .*khong-co\.tar/);
  });
});
