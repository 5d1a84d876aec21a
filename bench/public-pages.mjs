// The public plan page under a burst of visitors (goal p95 ≤ 20 ms): a fresh
// SQLite data dir, plan 596 imported and published, the app on 127.0.0.1:0. Measures
// - `miss`: one request right after an audited write (the cache must recompute), BENCH_MISSES
//   times (default 30) — what a visitor pays when the data has just changed;
// - `burst`: for each number of BENCH_CONNECTIONS (default "1,10,50") visitors requesting
//   `/api/public/plans/ID` back to back for BENCH_LOAD_SECONDS (default 5): latency p50/p95/p99
//   as the visitor sees it and requests per second; the visitors run in a worker thread (their
//   own event loop, on the same 2 cores as the server), not on the server's event loop;
// - `revalidate`: the same burst with If-None-Match (a browser that has the page: 304);
// - `page`: the same burst on the page itself (`/cong-khai/ID`, the web app's index.html) when
//   the web app is built.
// Run `npm run build` first. Result: bench/results/public-pages-sqlite.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { burstFromWorker as burst, percentiles, timed } from "./http-burst.mjs";

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

await publish();
const first = await fetch(url);
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
  responseBytes: JSON.stringify(detail).length,
  seconds,
  goalP95Ms: 20,
  miss: percentiles(missMs),
  bursts: [],
};
const built = page.status === 200 && (await page.text()).includes("<div");
for (const connections of connectionCounts)
  figures.bursts.push({
    connections,
    api: await burst(connections, seconds, url),
    revalidate: await burst(connections, seconds, url, { "if-none-match": etag }),
    page: built
      ? await burst(connections, seconds, `${base}/cong-khai/${planId}`)
      : "web app not built",
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
