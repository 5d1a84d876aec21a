// The server under benchmark, run as a child process of bench/api.mjs: `createApp` on the
// database named by BENCH_SQLITE_FILE or DATABASE_URL, listening on 127.0.0.1 (port sent to the
// parent over IPC). While the parent asks for it, every SQL statement the server runs is
// recorded (text, parameters, time inside the server) through a Kysely plugin, so that the
// parent can time the same bare statements without the HTTP layer.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openDatabase } from "@giamsat/db";
import { createApp, loadConfig } from "@giamsat/server";

const handle = openDatabase(
  process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL }
    : { sqliteFile: process.env.BENCH_SQLITE_FILE },
);
// a dataset generated before the latest migration is brought up to date, as `giamsat serve` does
await migrateToLatest(handle.db);
const executor = handle.db.getExecutor();
let recording = null;
const started = new Map();

const recorder = {
  transformQuery({ node, queryId }) {
    if (recording) {
      const compiled = executor.compileQuery(node, queryId);
      started.set(queryId, {
        sql: compiled.sql,
        parameters: compiled.parameters,
        t0: performance.now(),
      });
    }
    return node;
  },
  async transformResult({ result, queryId }) {
    const entry = started.get(queryId);
    if (entry && recording) {
      started.delete(queryId);
      recording.push({
        sql: entry.sql,
        parameters: entry.parameters,
        serverMs: performance.now() - entry.t0,
      });
    }
    return result;
  },
};

const config = loadConfig({
  ...process.env,
  PORT: "0",
  HOST: "127.0.0.1",
  GIAMSAT_LOG: process.env.BENCH_SERVER_LOG ?? "silent",
  GIAMSAT_DATA_DIR: mkdtempSync(join(tmpdir(), "giamsat-bench-")),
  // submissions per second are measured, not the per-user limit
  GIAMSAT_REPORT_RATE_LIMIT: "100000",
});
const app = await createApp({
  db: handle.db.withPlugin(recorder),
  dialect: handle.dialect,
  config,
});
await app.listen({ host: "127.0.0.1", port: 0 });
process.send({ type: "ready", port: app.server.address().port, dialect: handle.dialect });

process.on("message", async (message) => {
  if (message.type === "record") {
    recording = [];
    process.send({ type: "recording" });
  } else if (message.type === "recorded") {
    process.send({ type: "queries", queries: recording ?? [] });
    recording = null;
  } else if (message.type === "cpu") {
    process.send({ type: "cpu", usage: process.cpuUsage() });
  } else if (message.type === "stop") {
    await app.close();
    await handle.close();
    process.exit(0);
  }
});
