// Report submissions per second in-process: fresh SQLite data dir, plan 596 imported, a unit
// user with a token, the app on 127.0.0.1:0, autocannon at one task's reports endpoint.
// Run `npx tsc -b packages/server` first. BENCH_LOAD_SECONDS (default 5), BENCH_CONNECTIONS (10).
// Result: bench/results/report-load-sqlite.json (with the load average before and after).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import {
  createApp,
  createUser,
  importPlanBytes,
  issueTokenFor,
  loadConfig,
  openRuntime,
} from "@giamsat/server";

const seeds = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));
const seed = "qd596-bct-2026-nq57-plan.txt";
const dataDir = mkdtempSync(join(tmpdir(), "giamsat-load-"));
const config = loadConfig({
  GIAMSAT_DATA_DIR: dataDir,
  GIAMSAT_LOG: "silent",
  // throughput, not the per-user limit
  GIAMSAT_REPORT_RATE_LIMIT: "100000",
});
const rt = await openRuntime(config);
const { ctx } = rt;
const { planId } = await importPlanBytes(ctx, null, readFileSync(join(seeds, seed)), seed);
const task = await ctx.db
  .selectFrom("tasks")
  .innerJoin("task_orgs", "task_orgs.task_id", "tasks.id")
  .select(["tasks.id", "task_orgs.org_id"])
  .where("tasks.plan_id", "=", planId)
  .where("tasks.kind", "=", "time-bound")
  .where("task_orgs.role", "=", "lead")
  .where("task_orgs.org_id", "is not", null)
  .orderBy("tasks.id")
  .executeTakeFirstOrThrow();
await createUser(ctx, null, {
  username: "bench-unit",
  role: "unit_staff",
  orgId: task.org_id,
  password: "mat-khau-thu-nghiem",
});
const token = await issueTokenFor(ctx, null, "bench-unit");
const app = await createApp(ctx);
await app.listen({ port: 0, host: "127.0.0.1" });
const { port } = app.server.address();
const body = JSON.stringify({
  state: "in_progress",
  progress: 40,
  summary: "Đang triển khai",
  evidence: [{ kind: "document", reference: "Công văn 12/BCT" }],
});
const check = await fetch(`http://127.0.0.1:${port}/api/tasks/${task.id}/reports`, {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body,
});
if (check.status !== 201) throw new Error(`${check.status} ${await check.text()}`);
const before = loadavg();
const result = await autocannon({
  url: `http://127.0.0.1:${port}/api/tasks/${task.id}/reports`,
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  duration: Number(process.env.BENCH_LOAD_SECONDS ?? 5),
});
const stored = await ctx.db
  .selectFrom("progress_reports")
  .select((eb) => eb.fn.countAll().as("n"))
  .executeTakeFirst();
const figures = {
  measuredAt: new Date().toISOString(),
  seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  requestsPerSecond: result.requests.average,
  total: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  p50ms: result.latency.p50,
  p99ms: result.latency.p99,
  storedReports: Number(stored?.n),
  loadAverage: [before, loadavg()].map((l) => l.map((x) => x.toFixed(2)).join(" ")),
};
console.log(JSON.stringify(figures));
const resultsDir = fileURLToPath(new URL("results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "report-load-sqlite.json"), `${JSON.stringify(figures, null, 2)}\n`);
await app.close();
await rt.close();
rmSync(dataDir, { recursive: true, force: true });
