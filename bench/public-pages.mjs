// The public plan page under a burst of visitors (goal p95 ≤ 20 ms): a fresh
// SQLite data dir, plan 596 imported and published, the app on 127.0.0.1:0. Measures
// - `miss`: one request right after an audited write (the cache must recompute), BENCH_MISSES
//   times (default 30) — what a visitor pays when the data has just changed;
// - `burst`: for each number of BENCH_CONNECTIONS (default "1,10,50") visitors requesting
//   `/api/public/plans/ID` back to back for BENCH_LOAD_SECONDS (default 5): latency p50/p95/p99
//   as the visitor sees it and requests per second; the visitors run in a worker thread (their
//   own event loop, on the same 2 cores as the server), not on the server's event loop, and send
//   a browser's Accept-Encoding (http-burst.mjs). Beside the latency, what each request costs the
//   server whatever else runs on the machine: `serverCpuUs`, the CPU time of the server's thread
//   (Linux's /proc) per request, `serverGcMs`, its garbage collector's pauses during the burst,
//   and `bytesPerResponse` on the wire;
// - `revalidate`: the same burst with If-None-Match (a browser that has the page: 304);
// - `page`: the same burst on the page itself (`/cong-khai/ID`, the web app's index.html) when
//   the web app is built.
// Run `npm run build` first. Result: bench/results/public-pages-sqlite.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PerformanceObserver } from "node:perf_hooks";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createApp,
  createUser,
  importPlanBytes,
  issueTokenFor,
  loadConfig,
  openRuntime,
} from "@giamsat/server";
import { BROWSER_HEADERS, burstFromWorker, loadLine, percentiles, timed } from "./http-burst.mjs";

const env = process.env;
const seeds = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));
const seed = "qd596-bct-2026-nq57-plan.txt";
const connectionCounts = (env.BENCH_CONNECTIONS ?? "1,10,50").split(",").map(Number);
const seconds = Number(env.BENCH_LOAD_SECONDS ?? 5);
const misses = Number(env.BENCH_MISSES ?? 30);
const dataDir = mkdtempSync(join(tmpdir(), "giamsat-public-"));
const config = loadConfig({ GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" });
const rt = await openRuntime(config);
const { ctx } = rt;
const { planId } = await importPlanBytes(ctx, null, readFileSync(join(seeds, seed)), seed);
await createUser(ctx, null, {
  username: "bench-monitor",
  role: "monitor",
  orgId: null,
  password: "mat-khau-thu-nghiem",
});
const token = await issueTokenFor(ctx, null, "bench-monitor");
const app = await createApp(ctx);
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${app.server.address().port}`;
const url = `${base}/api/public/plans/${planId}`;

/** The monitoring department publishes the plan again (an audited write: a new data version). */
async function publish() {
  const r = await fetch(`${base}/api/plans/${planId}/published`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ published: true, reason: "Công khai theo Nghị quyết 57" }),
  });
  if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
}

/** CPU time of this process's main thread (the server's event loop) in µs: Linux's /proc. */
function serverCpuMicros() {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime, in clock ticks of 10 ms
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ["gc"] });

/** A burst from the worker thread, with what it cost the server's thread. */
async function burst(connections, target, headers = {}) {
  const cpu = serverCpuMicros();
  gcMs = 0;
  const r = await burstFromWorker(connections, seconds, target, headers);
  return {
    ...r,
    serverCpuUs: Math.round((serverCpuMicros() - cpu) / r.n),
    serverGcMs: Math.round(gcMs),
  };
}

await publish();
const first = await fetch(url, { headers: BROWSER_HEADERS });
if (first.status !== 200) throw new Error(`${first.status} ${await first.text()}`);
const etag = first.headers.get("etag");
const detail = await first.json();

const missMs = [];
for (let i = 0; i < misses; i++) {
  await publish();
  const r = await timed(url);
  if (r.status !== 200) throw new Error(`miss: ${r.status}`);
  missMs.push(r.ms);
}
const page = await fetch(`${base}/cong-khai/${planId}`);
const figures = {
  measuredAt: new Date().toISOString(),
  plan: seed,
  tasks: detail.total,
  overdue: detail.overdueTotal,
  responseBytes: Buffer.byteLength(JSON.stringify(detail)),
  loadAverage: loadLine(),
  seconds,
  goalP95Ms: 20,
  miss: percentiles(missMs),
  bursts: [],
};
const built = page.status === 200 && (await page.text()).includes("<div");
for (const connections of connectionCounts)
  figures.bursts.push({
    connections,
    api: await burst(connections, url),
    revalidate: await burst(connections, url, { "if-none-match": etag }),
    page: built ? await burst(connections, `${base}/cong-khai/${planId}`) : "web app not built",
  });
console.log(JSON.stringify(figures, null, 2));
const resultsDir = fileURLToPath(new URL("results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, "public-pages-sqlite.json"),
  `${JSON.stringify(figures, null, 2)}\n`,
);
await app.close();
await rt.close();
rmSync(dataDir, { recursive: true, force: true });
