/**
 * Durability: a server process killed with SIGKILL in the middle of a stream of report
 * submissions loses none of the reports it acknowledged (201). Runs the built CLI
 * (`giamsat serve`, packages/cli/dist) on a temporary SQLite data folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { openRuntime } from "./runtime.js";
import { importSeed, makeUser, reportSlots, unitTask } from "./test-support/server-harness.js";
import { buildCli, startServe } from "./test-support/serve-process.js";

describe("crash safety (sqlite)", () => {
  beforeAll(buildCli, 600_000);
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-crash-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps every acknowledged report after SIGKILL", async () => {
    // the load sends hundreds of reports from few accounts: no per-user limit here
    const env = {
      GIAMSAT_DATA_DIR: dataDir,
      GIAMSAT_LOG: "silent",
      GIAMSAT_REPORT_RATE_LIMIT: "100000",
    };
    const setup = await openRuntime(loadConfig(env));
    const plan = await importSeed(setup.ctx, "qd596");
    const { unitId } = await unitTask(setup.ctx, plan);
    const staff = await makeUser(setup.ctx, "unit_staff", unitId);
    const { taskIds, slots } = await reportSlots(setup.ctx, plan, unitId);
    expect(slots.length).toBeGreaterThan(150);
    await setup.close();

    const serve = await startServe(env);
    const server = serve.process;
    const address = serve.address;

    const acknowledged: { id: number; summary: string }[] = [];
    let sent = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const slot = slots[sent];
        if (!slot) return;
        const summary = `Báo cáo số ${++sent}`;
        try {
          const res = await fetch(`${address}/api/tasks/${slot.taskId}/reports`, {
            method: "POST",
            headers: { ...staff.headers, "content-type": "application/json" },
            body: JSON.stringify({ period: slot.period, state: "in_progress", summary }),
          });
          if (res.status === 201)
            acknowledged.push({ id: ((await res.json()) as { id: number }).id, summary });
        } catch {
          return; // the server is gone: this request was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acknowledged.length < 100) await new Promise((r) => setTimeout(r, 10));
    server.kill("SIGKILL");
    stop = true;
    await Promise.all(workers);
    await serve.exited;

    const after = await openRuntime(loadConfig(env));
    try {
      const rows = await after.ctx.db
        .selectFrom("progress_reports")
        .select(["id", "summary"])
        .where("task_id", "in", taskIds)
        .execute();
      const stored = new Map(rows.map((r) => [r.id, r.summary]));
      const lost = acknowledged.filter((a) => stored.get(a.id) !== a.summary);
      expect(acknowledged.length).toBeGreaterThanOrEqual(100);
      expect(lost).toEqual([]);
      const audited = await after.ctx.db
        .selectFrom("audit_events")
        .select("entity_id")
        .where("action", "=", "report.submit")
        .execute();
      const auditedIds = new Set(audited.map((a) => Number(a.entity_id)));
      expect(rows.every((r) => auditedIds.has(r.id))).toBe(true);
    } finally {
      await after.close();
    }
  });
});
