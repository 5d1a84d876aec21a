import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkDocxConformance } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { openCliDatabase, type CliDatabase } from "../test-support/cli-database.js";
import { runCli } from "../test-support/run-cli.js";

const P596 = fileURLToPath(
  new URL("../../../../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);

describe.each(dialects())("giamsat report (%s)", (dialect) => {
  let tmp: string;
  let env: Record<string, string>;
  let database: CliDatabase | undefined;
  beforeAll(async () => {
    database = await openCliDatabase(dialect, "giamsat-report-");
    ({ tmp, env } = database);
    expect((await runCli(["import", P596], { env })).code).toBe(0);
  });
  afterAll(async () => database?.close());

  it("writes plan 596's report as of 01/06/2026: a conforming .docx with its 17 overdue tasks", async () => {
    const out = join(tmp, "bao-cao.docx");
    const run = await runCli(
      ["report", "--plan", "596", "--as-of", "2026-06-01", "--format", "docx", "--out", out],
      { env },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(out);
    const check = checkDocxConformance(readFileSync(out));
    expect(check.problems).toEqual([]);
    expect(check.paragraphs.join("\n")).toContain("Có 17 nhiệm vụ chưa hoàn thành – quá hạn");
    expect(check.annexTables[1]!.rows).toBe(1 + 17);
  });

  it("refuses a wrong format, date or plan in Vietnamese with exit code 2", async () => {
    const out = join(tmp, "x");
    const run = (extra: string[]) =>
      runCli(["report", "--as-of", "2026-06-01", "--out", out, ...extra], { env });
    const odt = await run(["--plan", "596", "--format", "odt"]);
    expect(odt.code).toBe(2);
    expect(odt.stderr).toContain("Định dạng (format)");
    const date = await runCli(
      ["report", "--plan", "all", "--as-of", "2026-13-01", "--format", "pdf", "--out", out],
      { env },
    );
    expect(date.code).toBe(2);
    expect(date.stderr).toContain("Ngày phải là ngày có thật");
    const plan = await run(["--plan", "999", "--format", "xlsx"]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('không có kế hoạch số "999"');
  });
});
