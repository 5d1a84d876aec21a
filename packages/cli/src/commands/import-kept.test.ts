/**
 * `giamsat import` of an amended plan keeps a field the monitoring department corrected after
 * import, and prints the line that says so (place, field, kept value, the document's value).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, SQLITE_FILE_NAME } from "@giamsat/db";
import { createApp, loadConfig, type Ctx } from "@giamsat/server";
import { describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../../db/src/test-support/index.js";
import { call, makeUser } from "../../../server/src/test-support/server-harness.js";
import { runCli } from "../test-support/run-cli.js";

const P596 = fileURLToPath(
  new URL("../../../../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);

/** The monitoring department corrects a task's deadline through the API, on the CLI's database. */
async function correctDeadline(env: Record<string, string>, dataDir: string, task: string) {
  const handle = env.DATABASE_URL
    ? openDatabase({ url: env.DATABASE_URL })
    : openDatabase({ sqliteFile: join(dataDir, SQLITE_FILE_NAME) });
  const config = loadConfig({ GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" });
  const ctx: Ctx = { db: handle.db, dialect: handle.dialect, config, poolStats: handle.poolStats };
  const app = await createApp(ctx);
  try {
    const { id } = await ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("name", "like", `${task}%`)
      .executeTakeFirstOrThrow();
    const monitor = await makeUser(ctx, "monitor");
    const res = await call(app, {
      method: "POST",
      url: `/api/tasks/${id}/corrections`,
      headers: monitor.headers,
      payload: { reason: "Văn bản gốc ghi cuối năm 2027; nhập nhầm", dueDate: "2027-12-31" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  } finally {
    await app.close();
    await handle.close();
  }
}

describe.each(dialects())("giamsat import keeps a corrected field (%s)", (dialect) => {
  it("prints the kept deadline beside the amended document's", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "giamsat-cli-"));
    const dataDir = join(tmp, "data");
    const pg = dialect === "postgres" ? await createTestDatabase("postgres") : undefined;
    const env: Record<string, string> = pg?.url
      ? { DATABASE_URL: pg.url, GIAMSAT_DATA_DIR: dataDir }
      : { GIAMSAT_DATA_DIR: dataDir };
    try {
      expect((await runCli(["import", P596], { env })).code).toBe(0);
      const text = readFileSync(P596, "utf8");
      // a task of Phụ lục I written on one line, its deadline the line's last cell
      const line = text.split("\n").find((l) => /^\d+\.\t.*\t30\/4\/2026$/.test(l));
      expect(line).toBeDefined();
      const [number, name] = line!.split("\t") as [string, string];
      await correctDeadline(env, dataDir, name.slice(0, 60));

      const amended = join(tmp, "qd596-sua-doi.txt");
      writeFileSync(amended, text.replace(line!, line!.replace(/30\/4\/2026$/, "30/6/2026")));
      const run = await runCli(["import", amended], { env });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `= Phụ lục I, nhiệm vụ ${number.replace(/\.$/, "")}: giữ thời hạn đã hiệu chỉnh “31/12/2027” (văn bản ghi “30/6/2026”)`,
      );
    } finally {
      await pg?.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
