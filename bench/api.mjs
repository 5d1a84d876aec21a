// API benchmark: `/api/auth/me` (the fixed cost of a request), `/api/stats` (as of
// today and of a date), its six-month trend, the unit scorecards, filtered `/api/tasks` pages
// and the review queue (`/api/reports?status=submitted`) at 100k tasks and 200k
// reports (and 1M with BENCH_TASKS=1000000, or several sizes: BENCH_TASKS=100000,1000000)
// on SQLite (BENCH_SQLITE=0 skips it) and on PostgreSQL (DATABASE_URL, or a throwaway cluster
// from scripts/pg-test-cluster.sh; BENCH_PG=0 skips it), p50/p95 over sequential requests, each
// beside the p50/p95 of the bare SQL the endpoint ran (captured from the server, replayed on the
// driver) with each statement's scans (EXPLAIN; `fullScans` names the tables read whole); then
// report submissions per second from autocannon on 127.0.0.1 (BENCH_LOAD_SECONDS, default 10;
// 10 connections) by the staff of the units leading the most tasks, each task once
// (a second report for a task and period is refused), consecutive requests from other units.
// BENCH_ITERATIONS (default 20) and BENCH_WARMUP (default 3) set the requests per endpoint.
// Run `npm run build` first. Results: bench/results/api-<dialect>-<tasks>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { isFullScan, openBare, summary, timeBare } from "./api-sql.mjs";
import { startServer } from "./api-server-process.mjs";
import {
  ensureDataset,
  prepareAccounts,
  prepareSubmitters,
  reportsBy,
  startCluster,
} from "./api-setup.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const RESULTS_DIR = join(here, "results");
const AS_OF = "2026-06-01";
const env = process.env;
const sizes = (env.BENCH_TASKS ?? "100000").split(",").map(Number);
const iterations = Number(env.BENCH_ITERATIONS ?? 20);
const warmups = Number(env.BENCH_WARMUP ?? 3);
const loadSeconds = Number(env.BENCH_LOAD_SECONDS ?? 10);
const log = (message) => console.error(message);

async function get(base, path, token, retry = true) {
  let response;
  try {
    response = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    // A kept-alive socket the server closed while the bare queries ran: retry once.
    if (!retry) throw new Error(`${path}: ${error.cause?.message ?? error.message}`);
    return get(base, path, token, false);
  }
  const body = await response.text();
  if (!response.ok) throw new Error(`${path} → ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

async function measureEndpoint(server, base, bare, path, token) {
  for (let i = 0; i < warmups; i++) await get(base, path, token);
  const samples = [];
  let body;
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    body = await get(base, path, token);
    samples.push(performance.now() - t0);
  }
  const queries = await server.record(() => get(base, path, token));
  const bareTimes = await timeBare(bare, queries, iterations);
  const endpoint = summary(samples);
  return {
    path,
    total: body.total ?? null,
    endpoint,
    bare: bareTimes.total,
    ratioP95: bareTimes.total.p95
      ? Math.round((endpoint.p95 / bareTimes.total.p95) * 100) / 100
      : null,
    statements: bareTimes.statements,
    // a statement reading a whole table (small ones such as plans or organisations are expected)
    fullScans: [...new Set(bareTimes.statements.flatMap((st) => st.plan.filter(isFullScan)))],
  };
}

/**
 * `/api/stats` as of dates no request asked for before (random days of 2025): any date sums the
 * status events kept per unit (migration 0030; before it, each new date was counted from the
 * tasks).
 */
async function measureNewDates(base, token, count = 5) {
  const start = Date.UTC(2025, 0, 1);
  const days = new Set();
  while (days.size < count)
    days.add(
      new Date(start + Math.floor(Math.random() * 365) * 86_400_000).toISOString().slice(0, 10),
    );
  const samples = [];
  for (const day of days) {
    const t0 = performance.now();
    await get(base, `/api/stats?asOf=${day}`, token);
    samples.push(performance.now() - t0);
  }
  return { path: "/api/stats?asOf=<new date>", dates: [...days], endpoint: summary(samples) };
}

/**
 * The statements one report submission runs, with their time inside the server, on the first of
 * `taskIds` with no report pending this period (a kept dataset keeps earlier runs' reports;
 * null when every one has), and that task.
 */
async function reportStatements(server, base, token, taskIds) {
  for (const taskId of taskIds) {
    let answer;
    const queries = await server.record(async () => {
      const response = await fetch(`${base}/api/tasks/${taskId}/reports`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          state: "in_progress",
          progress: 10,
          summary: "Báo cáo đo thời gian từng câu lệnh.",
        }),
      });
      answer = { status: response.status, text: await response.text() };
    });
    if (answer.status === 409) continue;
    if (answer.status !== 201) throw new Error(`POST báo cáo → ${answer.status} ${answer.text}`);
    return {
      taskId,
      statements: queries.map((q) => ({
        sql: q.sql.replace(/\s+/g, " ").slice(0, 200),
        serverMs: Math.round(q.serverMs * 100) / 100,
      })),
    };
  }
  console.error("  (mọi nhiệm vụ của đơn vị đã có báo cáo chờ duyệt kỳ này: không đo câu lệnh)");
  return null;
}

/** Every submitter's tasks taken in turn: consecutive requests come from different units. */
function interleave(submitters) {
  const pairs = [];
  const longest = Math.max(...submitters.map((s) => s.taskIds.length));
  for (let k = 0; k < longest; k++)
    for (const s of submitters) if (k < s.taskIds.length) pairs.push([s.token, s.taskIds[k]]);
  return pairs;
}

async function loadReports(base, submitters) {
  const pairs = interleave(submitters);
  let next = 0;
  const body = (i) =>
    JSON.stringify({
      state: "in_progress",
      progress: 50,
      summary: `Báo cáo tiến độ thử tải số ${i}: đã triển khai các nội dung theo kế hoạch.`,
    });
  const result = await autocannon({
    url: base,
    connections: 10,
    duration: loadSeconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const i = next++;
          const [token, taskId] = pairs[i % pairs.length];
          return {
            ...request,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            path: `/api/tasks/${taskId}/reports`,
            body: body(i),
          };
        },
      },
    ],
  });
  const created = result.statusCodeStats?.["201"]?.count ?? 0;
  return {
    seconds: result.duration,
    connections: result.connections,
    requests: result.requests.total,
    created: Number(created),
    perSecond: Math.round(Number(created) / result.duration),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]),
    ),
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
  };
}

async function benchOne(dialectLabel, target, generation, tasks) {
  const accounts = await prepareAccounts(target);
  const server = startServer(target);
  const { port } = await server.ready;
  const base = `http://127.0.0.1:${port}`;
  const bare = await openBare(target);
  const paths = [
    "/api/auth/me", // the fixed cost of a request: HTTP, the token's user, a small JSON body
    "/api/stats", // as of today: the dashboard's default view
    `/api/stats?asOf=${AS_OF}`,
    `/api/stats/trend?asOf=${AS_OF}`,
    `/api/stats?plan=${accounts.planId}&asOf=${AS_OF}`,
    `/api/scorecards?asOf=${AS_OF}`,
    `/api/tasks?asOf=${AS_OF}&status=overdue&limit=50`,
    `/api/tasks?asOf=${AS_OF}&lead=${accounts.leadId}&status=overdue,due_soon&limit=50`,
    `/api/tasks?asOf=${AS_OF}&q=${encodeURIComponent("chuyen doi so")}&limit=50`,
    "/api/reports?status=submitted&limit=50", // the review queue (corrected reports left out)
  ];
  const endpoints = [];
  try {
    for (const path of paths) {
      log(`  ${path}`);
      endpoints.push(await measureEndpoint(server, base, bare, path, accounts.leader.token));
    }
    log("  /api/stats as of new dates");
    const newDates = await measureNewDates(base, accounts.leader.token);
    log(`  POST /api/tasks/:id/reports × ${loadSeconds} s (autocannon)`);
    const submitters = await prepareSubmitters(target, loadSeconds * 2000);
    const ids = submitters.map((s) => s.id);
    const measured = await reportStatements(
      server,
      base,
      submitters[0].token,
      submitters[0].taskIds,
    );
    // the task reported while the statements were recorded is not sent again (a 409)
    submitters[0].taskIds = submitters[0].taskIds.filter((id) => id !== measured?.taskId);
    const statements = measured?.statements ?? null;
    const before = await reportsBy(target, ids);
    const load = await loadReports(base, submitters);
    const stored = (await reportsBy(target, ids)) - before;
    const result = {
      dialect: dialectLabel,
      tasks,
      asOf: AS_OF,
      dataset: generation.counts,
      iterations,
      endpoints,
      newDates,
      reportLoad: {
        ...load,
        stored,
        units: submitters.length,
        leadTasks: submitters.reduce((n, s) => n + s.taskIds.length, 0),
        statements,
      },
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      node: process.version,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, `api-${dialectLabel}-${tasks}.json`),
      JSON.stringify(result, null, 2) + "\n",
    );
    return result;
  } finally {
    await bare.close();
    await server.stop();
  }
}

function print(result) {
  console.log(
    `\n${result.dialect}, ${result.tasks} nhiệm vụ, ${result.dataset.progress_reports} báo cáo (ms, ${result.iterations} lần):`,
  );
  console.table(
    result.endpoints.map((e) => ({
      endpoint: e.path.includes("asOf=")
        ? e.path.replace(/asOf=[\d-]+&?/, "").replace(/[?&]$/, "")
        : e.path.startsWith("/api/stats")
          ? `${e.path} (hôm nay)`
          : e.path,
      total: e.total,
      "API p50": e.endpoint.p50,
      "API p95": e.endpoint.p95,
      "SQL p50": e.bare.p50,
      "SQL p95": e.bare.p95,
      "API/SQL p95": e.ratioP95,
      "câu SQL": e.statements.length,
    })),
  );
  const n = result.newDates;
  console.log(
    `/api/stats as of a date asked for the first time (${n.dates.length} dates): p50 ${n.endpoint.p50} ms, p95 ${n.endpoint.p95} ms`,
  );
  const l = result.reportLoad;
  console.log(
    `Báo cáo gửi: ${l.perSecond}/s (${l.created} tạo, ${l.stored} đã lưu, ${l.non2xx} lỗi HTTP, ${l.errors} lỗi kết nối, p50 ${l.latencyMs.p50} ms)`,
  );
}

async function main() {
  const targets = env.BENCH_SQLITE === "0" ? [] : [{ label: "sqlite", url: undefined }];
  let cluster = null;
  if (env.BENCH_PG !== "0") {
    if (env.DATABASE_URL)
      targets.push({ label: "postgres", url: env.DATABASE_URL, perCluster: false });
    else if ((cluster = startCluster()))
      targets.push({ label: "postgres", url: cluster.url, perCluster: true });
    else log("Không có PostgreSQL (DATABASE_URL hoặc /usr/lib/postgresql): chỉ đo SQLite.");
  }
  try {
    for (const tasks of sizes) {
      for (const t of targets) {
        const { target, generation } = await ensureDataset({
          tasks,
          reports: tasks * 2,
          url: t.url,
          perCluster: t.perCluster,
          log,
        });
        log(`${t.label}, ${tasks} nhiệm vụ:`);
        print(await benchOne(t.label, target, generation, tasks));
      }
    }
  } finally {
    cluster?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
