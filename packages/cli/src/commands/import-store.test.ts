import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../../db/src/test-support/index.js";
import { runCli } from "../test-support/run-cli.js";

const seed = (name: string) =>
  fileURLToPath(new URL(`../../../../../shared/seeds/${name}`, import.meta.url));
const P596 = seed("qd596-bct-2026-nq57-plan.txt");
const GOV = seed("bcdcp-2026-appendix2-interministerial-tasks.txt");

/** Runs the CLI against a fresh database of the dialect: SQLite in a temp data folder. */
async function withCliDatabase(
  dialect: "sqlite" | "postgres",
  fn: (env: Record<string, string>, tmp: string) => Promise<void>,
): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), "giamsat-cli-"));
  const pg = dialect === "postgres" ? await createTestDatabase("postgres") : undefined;
  try {
    await fn(pg?.url ? { DATABASE_URL: pg.url } : { GIAMSAT_DATA_DIR: join(tmp, "data") }, tmp);
  } finally {
    await pg?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe.each(dialects())("giamsat import FILE into the database (%s)", (dialect) => {
  it("stores a plan, proposes links, and changes nothing the second time", async () => {
    await withCliDatabase(dialect, async (env) => {
      const gov = await runCli(["import", GOV], { env });
      expect(gov.stderr).toBe("");
      expect(gov.code).toBe(0);
      expect(gov.stdout).toContain("Đã lưu kế hoạch");
      expect(gov.stdout).toContain("Nhiệm vụ: 98");

      const first = await runCli(["import", P596], { env });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("Đã lưu kế hoạch số 596/QĐ-BCT ngày 31/03/2026");
      expect(first.stdout).toContain("Nhiệm vụ: 91 · chỉ tiêu: 11");
      expect(first.stdout).toMatch(/Đề xuất \d+ liên kết/);

      const again = await runCli(["import", P596], { env });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("không có gì thay đổi");

      const json = await runCli(["import", "--json", P596], { env });
      expect(JSON.parse(json.stdout)).toMatchObject({ created: false, unchanged: true, tasks: 91 });
    });
  });

  it("applies an amended version and prints the differences", async () => {
    await withCliDatabase(dialect, async (env, tmp) => {
      expect((await runCli(["import", P596], { env })).code).toBe(0);
      const text = readFileSync(P596, "utf8");
      const amended = text.replace("30/4/2026", "30/5/2026");
      expect(amended).not.toBe(text);
      const file = join(tmp, "qd596-sua-doi.txt");
      writeFileSync(file, amended);
      const run = await runCli(["import", file], { env });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("theo văn bản sửa đổi: thêm 0, bỏ 0, sửa 1 nhiệm vụ");
      expect(run.stdout).toMatch(/Thời hạn: .*30\/04\/2026.* → .*30\/05\/2026/);
    });
  });

  it("explains a file that cannot be read, and writes nothing", async () => {
    await withCliDatabase(dialect, async (env, tmp) => {
      const run = await runCli(["import", join(tmp, "khong-co.txt")], { env });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Không tìm thấy tệp");
    });
  });
});
