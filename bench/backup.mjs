// `giamsat backup` of the generated dataset (BENCH_TASKS, default 100,000; SQLite) taken while a
// running `giamsat serve` takes report submissions from autocannon, then `giamsat restore` into
// a fresh data folder: the seconds of each, the sizes, and the submissions answered during the
// backup by status code (400/409: a month outside the task's reporting calendar or already
// reported; no 5xx, no connection error). The dataset is generated into bench/data once (bench/generate.mjs)
// and copied, so the kept file is never written. Run `npm run build` first.
// Result: bench/results/backup-sqlite-<tasks>.json.
import { execFile, spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createUser, issueTokenFor, loadConfig, openRuntime } from "@giamsat/server";
import { DATA_DIR, RESULTS_DIR, defaultSqliteFile, generateDataset } from "./generate.mjs";

const cli = fileURLToPath(new URL("../packages/cli/bin/giamsat.js", import.meta.url));
const tasks = Number(process.env.BENCH_TASKS ?? 100_000);
const log = (line) => console.error(line);

const kept = defaultSqliteFile(tasks);
if (!existsSync(kept)) {
  log(`Tạo bộ dữ liệu ${tasks} nhiệm vụ vào ${kept} …`);
  await generateDataset({ tasks, sqliteFile: kept });
}
const work = mkdtempSync(join(tmpdir(), "giamsat-bench-backup-"));
const dataDir = join(work, "data");
const env = {
  ...process.env,
  GIAMSAT_DATA_DIR: dataDir,
  GIAMSAT_LOG: "silent",
  // the load's submissions measure throughput, not the per-user limit
  GIAMSAT_REPORT_RATE_LIMIT: "100000",
};
delete env.DATABASE_URL;

function giamsat(args, extra = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...env, ...extra } },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`giamsat ${args[0]}: ${stderr || error.message}`))
          : resolve({ seconds: (performance.now() - started) / 1000, stdout: stdout.trim() }),
    ),
  );
}

try {
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(kept, join(dataDir, "giamsat.sqlite"));
  const rt = await openRuntime(loadConfig({ GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" }));
  // the unit leading the most tasks; each request reports a (task, month) of its own
  const lead = await rt.ctx.db
    .selectFrom("tasks")
    .select(["lead_org_id", (eb) => eb.fn.countAll().as("n")])
    .where("lead_org_id", "is not", null)
    .groupBy("lead_org_id")
    .orderBy("n", "desc")
    .executeTakeFirstOrThrow();
  const taskIds = (
    await rt.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("lead_org_id", "=", lead.lead_org_id)
      .execute()
  ).map((t) => t.id);
  const months = Array.from(
    { length: 60 },
    (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
  );
  const slots = taskIds.flatMap((id) => months.map((period) => ({ id, period })));
  await createUser(rt.ctx, null, {
    username: "bench-backup",
    role: "unit_staff",
    orgId: lead.lead_org_id,
    password: "mat-khau-thu-nghiem",
  });
  const token = await issueTokenFor(rt.ctx, null, "bench-backup");
  await rt.close();

  const server = spawn(process.execPath, [cli, "serve"], {
    env: { ...env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const address = await new Promise((resolve) => {
    let out = "";
    server.stdout.on("data", (c) => {
      out += c;
      const m = /đang chạy tại (http:\/\/\S+)\n/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  const before = loadavg();
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const body = (i) =>
    JSON.stringify({
      period: slots[i % slots.length].period,
      state: "in_progress",
      progress: 40,
      summary: `Báo cáo thử tải số ${i}`,
    });
  const probe = await fetch(`${address}/api/tasks/${slots[0].id}/reports`, {
    method: "POST",
    headers,
    body: body(0),
  });
  if (probe.status !== 201) throw new Error(`POST báo cáo → ${probe.status} ${await probe.text()}`);
  let next = 1;
  const load = autocannon({
    url: address,
    connections: 10,
    duration: 600,
    requests: [
      {
        method: "POST",
        headers,
        setupRequest: (request) => {
          const i = next++;
          return {
            ...request,
            path: `/api/tasks/${taskIds[i % taskIds.length]}/reports`,
            body: body(i),
          };
        },
      },
    ],
  });
  await new Promise((r) => setTimeout(r, 2000));
  const archive = join(work, "giamsat.tar");
  log("giamsat backup dưới tải ghi …");
  const backup = await giamsat(["backup", "--out", archive]);
  load.stop();
  const loaded = await load;
  server.kill("SIGTERM");
  await new Promise((r) => server.on("exit", r));
  log("giamsat restore …");
  const restore = await giamsat(["restore", archive], { GIAMSAT_DATA_DIR: join(work, "restored") });
  const figures = {
    what: "giamsat backup under report submissions (autocannon, 10 connections), then giamsat restore",
    dialect: "sqlite",
    tasks,
    reportSlots: slots.length,
    databaseBytes: statSync(kept).size,
    archiveBytes: statSync(archive).size,
    backupSeconds: Number(backup.seconds.toFixed(2)),
    restoreSeconds: Number(restore.seconds.toFixed(2)),
    backup: backup.stdout,
    restore: restore.stdout,
    duringLoad: {
      seconds: loaded.duration,
      requests: loaded.requests.total,
      perSecond: loaded.requests.average,
      non2xx: loaded.non2xx,
      statusCodes: Object.fromEntries(
        Object.entries(loaded.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]),
      ),
      errors: loaded.errors,
      p99ms: loaded.latency.p99,
    },
    loadAverage: { before, after: loadavg() },
    at: new Date().toISOString(),
  };
  const file = join(RESULTS_DIR, `backup-sqlite-${tasks}.json`);
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
  console.log(`→ ${file} (dữ liệu: ${DATA_DIR})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
