import { fileURLToPath } from "node:url";
import { vietnamDay } from "@giamsat/core";
import { listIndicatorRows } from "@giamsat/db";
import { evaluateIndicatorRows, loadConfig, openRuntime, type Ctx } from "@giamsat/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { openCliDatabase, type CliDatabase } from "../test-support/cli-database.js";
import { runCli } from "../test-support/run-cli.js";

const P596 = fileURLToPath(
  new URL("../../../../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);

describe.each(dialects())("giamsat indicators refresh (%s)", (dialect) => {
  let env: Record<string, string>;
  let database: CliDatabase | undefined;
  const today = vietnamDay();

  /** Runs `fn` on the database the CLI writes (opened and closed around it). */
  async function withCtx<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
    const runtime = await openRuntime(loadConfig(env));
    try {
      return await fn(runtime.ctx);
    } finally {
      await runtime.close();
    }
  }

  /** The stored rows (as_of, item) and the live evaluation of every indicator, by id. */
  const storedAndLive = () =>
    withCtx(async (ctx) => {
      const stored = await ctx.db
        .selectFrom("indicator_evaluations as e")
        .leftJoin("indicator_evaluation_items as i", "i.indicator_id", "e.indicator_id")
        .select(["e.indicator_id", "e.as_of", "i.item"])
        .orderBy("e.indicator_id")
        .execute();
      const rows = await listIndicatorRows(ctx.db, {});
      const live = (await evaluateIndicatorRows(ctx, rows, today)).sort((a, b) => a.id - b.id);
      return { stored, live };
    });

  beforeAll(async () => {
    database = await openCliDatabase(dialect, "giamsat-indicators-");
    env = database.env;
    expect((await runCli(["import", P596], { env })).code).toBe(0);
  });
  afterAll(async () => database?.close());

  it("computes what `giamsat import` left waiting, then every row again, or only the outdated", async () => {
    const imported = await storedAndLive();
    expect(imported.stored).toHaveLength(11);
    expect(imported.stored.map((s) => [s.as_of, s.item])).toEqual(
      imported.stored.map(() => ["", null]),
    );

    const run = await runCli(["indicators", "refresh", "--plan", "596"], { env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [y, m, d] = today.split("-");
    expect(run.stdout).toContain(
      `Đã tính đánh giá của 11 chỉ tiêu (kế hoạch 596) tại ngày ${d}/${m}/${y}`,
    );
    const refreshed = await storedAndLive();
    expect(refreshed.stored.map((s) => s.indicator_id)).toEqual(refreshed.live.map((l) => l.id));
    expect(refreshed.stored.map((s) => s.as_of)).toEqual(refreshed.live.map(() => today));
    expect(refreshed.stored.map((s) => JSON.parse(s.item!))).toEqual(refreshed.live);

    // One row spoiled for today, one computed on another day: --outdated redoes the second only.
    const [first, second] = refreshed.stored;
    await withCtx(async (ctx) => {
      await ctx.db
        .updateTable("indicator_evaluation_items")
        .set({ item: "{}" })
        .where("indicator_id", "in", [first!.indicator_id, second!.indicator_id])
        .execute();
      await ctx.db
        .updateTable("indicator_evaluations")
        .set({ as_of: "2026-01-01" })
        .where("indicator_id", "=", second!.indicator_id)
        .execute();
    });
    const outdated = await runCli(["indicators", "refresh", "--outdated", "--json"], { env });
    expect(JSON.parse(outdated.stdout)).toMatchObject({ asOf: today, indicators: 1 });
    const partly = await storedAndLive();
    expect(JSON.parse(partly.stored[0]!.item!)).toEqual({});
    expect(JSON.parse(partly.stored[1]!.item!)).toEqual(partly.live[1]);

    const all = await runCli(["indicators", "refresh", "--json"], { env });
    expect(JSON.parse(all.stdout)).toMatchObject({ planId: null, indicators: 11 });
    const again = await storedAndLive();
    expect(again.stored.map((s) => JSON.parse(s.item!))).toEqual(again.live);
  });

  it("refuses an unknown plan, a missing action and --plan with --outdated, exit code 2", async () => {
    const unknown = await runCli(["indicators", "refresh", "--plan", "999"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--plan: không có kế hoạch số "999" (có: 596/QĐ-BCT)');
    const none = await runCli(["indicators"], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Thiếu việc cần làm");
    const both = await runCli(["indicators", "refresh", "--plan", "596", "--outdated"], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("không dùng cùng --plan");
  });
});
