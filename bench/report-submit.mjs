// What one report submission costs and how many go through per second: the statements one
// submission runs (recorded in the server), then autocannon for BENCH_LOAD_SECONDS (default 10)
// with BENCH_CONNECTIONS (default 10) spread over BENCH_SERVERS server processes (default 1;
// several only on PostgreSQL), each request a (unit staff, task) pair with no report this period.
// CPU per stored report: the servers' own (process.cpuUsage), the load generator's (this
// process) and, on PostgreSQL, its processes' (/proc/<pid>/stat of this database's backends and
// the cluster's background processes); and how many reports a second one core of the servers'
// and the database's CPU carries.
//   DATABASE_URL=postgres://… or BENCH_SQLITE_FILE=… (a dataset from bench/generate.mjs); neither:
//   bench/data/giamsat-<BENCH_TASKS, default 20,000>.sqlite, generated when missing
//   BENCH_LABEL=before|after names the result: bench/results/report-submit-<dialect>-<servers>-<label>.json
// The bench staff's earlier reports are deleted first, so runs can follow each other.
// Run `npm run build` first.
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { openDatabase } from "@giamsat/db";
import pg from "pg";
import { ensureDataset, prepareSubmitters, reportsBy } from "./api-setup.mjs";
import { startServer } from "./api-server-process.mjs";

const env = process.env;
const log = (message) => console.error(message);
const benchTasks = Number(env.BENCH_TASKS ?? 20_000);
const target = env.DATABASE_URL
  ? { url: env.DATABASE_URL }
  : env.BENCH_SQLITE_FILE
    ? { sqliteFile: env.BENCH_SQLITE_FILE }
    : (await ensureDataset({ tasks: benchTasks, reports: benchTasks * 2, log })).target;
const dialect = target.url ? "postgres" : "sqlite";
const servers = Number(env.BENCH_SERVERS ?? 1);
if (servers > 1 && !target.url) throw new Error("Nhiều máy chủ chỉ chạy trên PostgreSQL.");
const seconds = Number(env.BENCH_LOAD_SECONDS ?? 10);
const connections = Number(env.BENCH_CONNECTIONS ?? 10);
const label = env.BENCH_LABEL ?? "run";

/** The reports of earlier runs' bench staff go, so that their tasks can be reported again. */
async function forgetBenchReports() {
  const handle = openDatabase(target.url ? { url: target.url, poolSize: 1 } : target);
  try {
    await handle.db
      .deleteFrom("progress_reports")
      .where("submitted_by", "in", (eb) =>
        eb.selectFrom("users").select("id").where("username", "like", "bench-staff-%"),
      )
      .execute();
  } finally {
    await handle.close();
  }
}

/** CPU µs (user + system) of PostgreSQL's processes, by pid, with each one's kind. */
async function postgresCpu() {
  if (!target.url) return null;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  // this database's backends and the cluster's own processes (WAL writer, checkpointer…), not
  // other databases' clients
  const { rows } = await client.query(
    `SELECT pid, backend_type FROM pg_stat_activity
      WHERE datname = current_database() OR backend_type <> 'client backend'`,
  );
  await client.end();
  const ticks = new Map();
  for (const { pid, backend_type: kind } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const us = (Number(fields[11]) + Number(fields[12])) * 10_000; // 100 ticks a second
      ticks.set(pid, { kind, us });
    } catch {
      // a process that ended meanwhile
    }
  }
  return ticks;
}

const cpuOf = (usage) => usage.user + usage.system;

/** The statements of one submission, recorded in the first server. */
async function statementsOfOne(server, base, [token, taskId]) {
  let status;
  const queries = await server.record(async () => {
    const response = await fetch(`${base}/api/tasks/${taskId}/reports`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ state: "in_progress", progress: 10, summary: "Đo câu lệnh." }),
    });
    status = response.status;
    await response.text();
  });
  if (status !== 201) throw new Error(`POST báo cáo → ${status}`);
  return queries.map((q) => ({
    sql: q.sql.replace(/\s+/g, " ").slice(0, 160),
    serverMs: Math.round(q.serverMs * 100) / 100,
  }));
}

function load(base, pairs) {
  let next = 0;
  return autocannon({
    url: base,
    connections: Math.max(1, Math.round(connections / servers)),
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const [token, taskId] = pairs[next++ % pairs.length];
          return {
            ...request,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            path: `/api/tasks/${taskId}/reports`,
            body: JSON.stringify({
              state: "in_progress",
              progress: 50,
              summary: `Báo cáo tiến độ thử tải số ${next}: đã triển khai theo kế hoạch.`,
            }),
          };
        },
      },
    ],
  });
}

await forgetBenchReports();
const submitters = await prepareSubmitters(target, seconds * 2500 + 100);
const pairs = [];
const longest = Math.max(...submitters.map((s) => s.taskIds.length));
for (let k = 0; k < longest; k++)
  for (const s of submitters) if (k < s.taskIds.length) pairs.push([s.token, s.taskIds[k]]);
log(`${dialect}: ${submitters.length} đơn vị, ${pairs.length} cặp (đơn vị, nhiệm vụ)`);
const started = Array.from({ length: servers }, () => startServer(target));
const bases = [];
for (const s of started) bases.push(`http://127.0.0.1:${(await s.ready).port}`);
try {
  const statements = await statementsOfOne(started[0], bases[0], pairs.shift());
  const ids = submitters.map((s) => s.id);
  const before = {
    stored: await reportsBy(target, ids),
    servers: await Promise.all(started.map((s) => s.cpu())),
    postgres: await postgresCpu(),
    client: process.cpuUsage(),
    load: loadavg(),
  };
  const results = await Promise.all(
    bases.map((base, i) =>
      load(
        base,
        pairs.filter((_, k) => k % servers === i),
      ),
    ),
  );
  const clientCpu = cpuOf(process.cpuUsage(before.client));
  const serversCpu = (await Promise.all(started.map((s) => s.cpu()))).reduce(
    (sum, usage, i) => sum + cpuOf(usage) - cpuOf(before.servers[i]),
    0,
  );
  const pgAfter = await postgresCpu();
  const pgByKind = {};
  for (const [pid, { kind, us }] of pgAfter ?? [])
    pgByKind[kind] = (pgByKind[kind] ?? 0) + us - (before.postgres.get(pid)?.us ?? 0);
  const pgCpu = pgAfter ? Object.values(pgByKind).reduce((a, b) => a + b, 0) : null;
  const stored = (await reportsBy(target, ids)) - before.stored;
  const statusCodes = {};
  for (const r of results)
    for (const [code, v] of Object.entries(r.statusCodeStats ?? {}))
      statusCodes[code] = (statusCodes[code] ?? 0) + Number(v.count);
  const duration = Math.max(...results.map((r) => r.duration));
  const figures = {
    measuredAt: new Date().toISOString(),
    dialect,
    label,
    servers,
    seconds: duration,
    connections,
    requests: results.reduce((n, r) => n + r.requests.total, 0),
    stored,
    perSecond: Math.round(stored / duration),
    statusCodes,
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    latencyMs: { p50: results[0].latency.p50, p99: results[0].latency.p99 },
    serverCpuUsPerReport: Math.round(serversCpu / stored),
    postgresCpuUsPerReport: pgCpu === null ? null : Math.round(pgCpu / stored),
    // the load generator's (autocannon, this process) share of the same cores
    clientCpuUsPerReport: Math.round(clientCpu / stored),
    // reports a second that one core of the servers' and the database's CPU carries
    reportsPerCoreSecond: Math.round((1e6 * stored) / (serversCpu + (pgCpu ?? 0))),
    postgresCpuUsPerReportByProcess: pgAfter
      ? Object.fromEntries(
          Object.entries(pgByKind).map(([kind, us]) => [kind, Math.round(us / stored)]),
        )
      : null,
    statementsPerSubmission: statements.length,
    statements,
    loadAverage: [before.load, loadavg()].map((l) => l.map((x) => x.toFixed(2)).join(" ")),
    node: process.version,
  };
  console.log(JSON.stringify({ ...figures, statements: undefined }, null, 2));
  const out = `report-submit-${dialect}-${servers}-${label}.json`;
  writeFileSync(
    join(fileURLToPath(new URL("results/", import.meta.url)), out),
    `${JSON.stringify(figures, null, 2)}\n`,
  );
  log(`→ bench/results/${out}`);
} finally {
  await Promise.all(started.map((s) => s.stop()));
}
