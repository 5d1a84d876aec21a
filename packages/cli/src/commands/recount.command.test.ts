import { fileURLToPath } from "node:url";
import { loadConfig, openRuntime } from "@giamsat/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { openCliDatabase, type CliDatabase } from "../test-support/cli-database.js";
import { runCli } from "../test-support/run-cli.js";

const P596 = fileURLToPath(
  new URL("../../../../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);

describe.each(dialects())("giamsat recount (%s)", (dialect) => {
  let env: Record<string, string>;
  let database: CliDatabase | undefined;

  beforeAll(async () => {
    database = await openCliDatabase(dialect, "giamsat-recount-");
    env = database.env;
    expect((await runCli(["import", P596], { env })).code).toBe(0);
  });
  afterAll(async () => database?.close());

  it("finds nothing wrong after an import, then mends counts changed by hand", async () => {
    const clean = await runCli(["recount", "--json"], { env });
    expect(clean.stderr).toBe("");
    expect(clean.code).toBe(0);
    const first = JSON.parse(clean.stdout) as {
      rows: Record<string, number>;
      changed: Record<string, number>;
    };
    expect(Object.values(first.changed)).toEqual([0, 0, 0, 0, 0]);
    expect(first.rows.task_status_buckets).toBeGreaterThan(0);

    // a repair by hand in SQL that forgot the kept counts
    const runtime = await openRuntime(loadConfig(env));
    await sql`DELETE FROM task_status_buckets`.execute(runtime.ctx.db);
    await runtime.close();

    const mend = await runCli(["recount"], { env });
    expect(mend.code).toBe(0);
    expect(mend.stdout).toContain(
      `số nhiệm vụ theo tình trạng: ${first.rows.task_status_buckets} dòng, ${first.rows.task_status_buckets} dòng khác số đã giữ`,
    );
    expect(mend.stdout).toContain(`Đã sửa: ${first.rows.task_status_buckets} dòng khác số đã giữ`);
    const again = await runCli(["recount"], { env });
    expect(again.stdout).toContain("Không có sai lệch");
  });
});
