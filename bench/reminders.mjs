// `npm run bench -- reminders`: (1) computing and queuing the day's reminders (one row per
// message and audience), then fanning them out to one outbox row per recipient and channel (what
// the worker does before sending), in a transaction rolled back, on a generated dataset of
// BENCH_TASKS tasks (default 1,000,000; SQLite, and PostgreSQL when a throwaway cluster can
// start); (2)
// sending BENCH_MAILS mails (default 10,000) from the outbox through the pooled SMTP transport
// to a local SMTP sink in its own process; (3, BENCH_ONLY=deliver) the day's run for real on a
// copy of the SQLite dataset: queued, fanned out and delivered in-app. BENCH_ONLY=mail|compute|
// deliver runs one part. Results:
// bench/results/reminders-*.json. BENCH_SKIP_SQLITE=1 / BENCH_SKIP_PG=1 skip a database;
// BENCH_PG_URL uses a running PostgreSQL server instead of a throwaway cluster.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { enqueueOutbox, migrateToLatest, openDatabase, queueFanout } from "@giamsat/db";
import {
  channelsFor,
  drainOutbox,
  fanOutAll,
  loadConfig,
  planDay,
  runReminders,
} from "@giamsat/server";
import { ensureDataset, startCluster } from "./api-setup.mjs";
import { RESULTS_DIR } from "./generate.mjs";

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const MAILS = Number(process.env.BENCH_MAILS ?? 10_000);
const AS_OF = process.env.BENCH_AS_OF ?? "2026-06-15";
const log = (line) => console.error(line);

/** This process's CPU time (user + system) since `start`, in seconds: the machine is shared. */
const cpuSeconds = (start) => {
  const { user, system } = process.cpuUsage(start);
  return Number(((user + system) / 1e6).toFixed(2));
};

function write(name, result) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, name), JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result));
}

async function computeOn(target, dialect) {
  const handle = openDatabase(target.url ? { url: target.url } : { sqliteFile: target.sqliteFile });
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ GIAMSAT_LOG: "silent", GIAMSAT_SMTP_URL: "smtp://127.0.0.1:25" });
    const ctx = { db: handle.db, dialect: handle.dialect, config };
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    let planMs = 0;
    let messages = 0;
    let queued = 0;
    let deliveries = 0;
    let inApp = 0;
    let seconds = 0;
    let cpu = 0;
    await handle.db
      .transaction()
      .execute(async (trx) => {
        // the day's rows are queued as they are composed, chunk by chunk
        const day = planDay({ ...ctx, db: trx }, AS_OF);
        for (;;) {
          const asked = performance.now();
          const next = await day.next();
          planMs += performance.now() - asked;
          if (next.done) break;
          messages += next.value.length;
          queued += await queueFanout(trx, next.value);
        }
        seconds = (performance.now() - started) / 1000;
        cpu = cpuSeconds(cpuStart);
        const made = await fanOutAll({ ...ctx, db: trx });
        deliveries = made.inApp + made.outbox;
        inApp = made.inApp;
        throw new Error("rollback");
      })
      .catch((error) => {
        if (error?.message !== "rollback") throw error;
      });
    const total = (performance.now() - started) / 1000;
    write(`reminders-${dialect}-${TASKS}.json`, {
      what: "the day's reminders computed and queued per message and audience as they are composed, then fanned out to recipients, report-day bodies rendered then (rolled back)",
      dialect,
      tasks: TASKS,
      asOf: AS_OF,
      messages,
      queued,
      deliveries,
      inAppWrittenAtFanOut: inApp,
      planSeconds: Number((planMs / 1000).toFixed(2)),
      seconds: Number(seconds.toFixed(2)),
      cpuSeconds: cpu,
      fanOutSeconds: Number((total - seconds).toFixed(2)),
      withFanOutSeconds: Number(total.toFixed(2)),
      withFanOutCpuSeconds: cpuSeconds(cpuStart),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      goalSeconds: 60,
      loadAverage: loadavg(),
      at: new Date().toISOString(),
    });
  } finally {
    await handle.close();
  }
}

async function startSink() {
  const child = spawn(process.execPath, [new URL("./smtp-sink.mjs", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise((resolve) => lines.once("line", resolve));
  const port = Number(await next());
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: async () => {
      const count = next();
      child.kill("SIGTERM");
      return Number(await count);
    },
  };
}

async function sendMails() {
  const dir = mkdtempSync(join(tmpdir(), "giamsat-bench-mail-"));
  const sink = await startSink();
  const handle = openDatabase({ dataDir: dir });
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ GIAMSAT_LOG: "silent", GIAMSAT_SMTP_URL: sink.url });
    const ctx = { db: handle.db, dialect: handle.dialect, config };
    const { id: userId } = await handle.db
      .insertInto("users")
      .values({ username: "bench", display_name: "bench", password_hash: "-", role: "leader" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const body = {
      text: "Kính gửi đơn vị,\nĐơn vị gửi báo cáo tiến độ Tháng 6/2026 trước ngày 20/06/2026.",
      html: "<p>Kính gửi đơn vị,</p><p>Đơn vị gửi báo cáo tiến độ Tháng 6/2026.</p>",
    };
    await enqueueOutbox(
      handle.db,
      Array.from({ length: MAILS }, (_, i) => ({
        rule: "bench",
        item: `mail:${i}`,
        period: AS_OF,
        recipient_id: userId,
        step: "0",
        channel: "email",
        kind: "report_due",
        address: `don-vi-${i}@bench.example.vn`,
        subject: `Nhắc báo cáo Tháng 6/2026: hạn trước ngày 20/06/2026 (thư ${i})`,
        body,
        link: "/don-vi",
        next_attempt_at: now,
      })),
    );
    const channels = channelsFor(ctx).filter((c) => c.name === "email");
    const started = performance.now();
    const result = await drainOutbox(ctx, channels);
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(channels.map((c) => c.close()));
    const received = await sink.stop();
    write("reminders-mail.json", {
      what: "mails sent from the outbox through the pooled SMTP transport to a local sink",
      mails: MAILS,
      sent: result.sent,
      received,
      seconds: Number(seconds.toFixed(2)),
      mailsPerSecond: Math.round(result.sent / seconds),
      goalMailsPerSecond: 200,
      loadAverage: loadavg(),
      at: new Date().toISOString(),
    });
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The day's run for real (queue, fan out, in-app delivery) on a copy of the SQLite dataset. */
async function deliverInApp(sqliteFile) {
  const dir = mkdtempSync(join(tmpdir(), "giamsat-bench-deliver-"));
  const copy = join(dir, "giamsat.sqlite");
  copyFileSync(sqliteFile, copy);
  const handle = openDatabase({ sqliteFile: copy });
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ GIAMSAT_LOG: "silent" });
    const ctx = { db: handle.db, dialect: handle.dialect, config };
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const r = await runReminders(ctx, AS_OF, { dryRun: false, channels: channelsFor(ctx) });
    write(`reminders-deliver-sqlite-${TASKS}.json`, {
      what: "the day's run for real: queued, fanned out (in-app notifications written then) and sent (no SMTP)",
      tasks: TASKS,
      asOf: AS_OF,
      messages: r.due,
      deliveries: r.deliveries,
      sent: r.sent,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      cpuSeconds: cpuSeconds(cpuStart),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage: loadavg(),
      at: new Date().toISOString(),
    });
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ONLY = process.env.BENCH_ONLY; // "mail", "compute" or "deliver": one part only
if (ONLY === "deliver") {
  const sqlite = await ensureDataset({ tasks: TASKS, reports: TASKS * 2, log });
  await deliverInApp(sqlite.target.sqliteFile);
  process.exit(0);
}
if (ONLY !== "compute") await sendMails();
if (ONLY === "mail") process.exit(0);
if (process.env.BENCH_SKIP_SQLITE !== "1") {
  const sqlite = await ensureDataset({ tasks: TASKS, reports: TASKS * 2, log });
  await computeOn(sqlite.target, "sqlite");
}
if (process.env.BENCH_SKIP_PG !== "1") {
  // BENCH_PG_URL: a running server that keeps the generated database between runs
  const cluster = process.env.BENCH_PG_URL
    ? { url: process.env.BENCH_PG_URL, stop: () => undefined }
    : startCluster();
  if (cluster) {
    try {
      const pg = await ensureDataset({
        tasks: TASKS,
        reports: TASKS * 2,
        url: cluster.url,
        perCluster: true,
        log,
      });
      await computeOn(pg.target, "postgres");
    } finally {
      cluster.stop();
    }
  }
}
