// The server under benchmark as a child process (bench/api-server.mjs) on a SQLite file or a
// PostgreSQL database: its port, the statements it runs while asked to record them, and its CPU
// time (so that a load's client does not count in the server's CPU).
import { fork } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const env = process.env;

export function startServer(target) {
  const { DATABASE_URL: _ignored, ...rest } = env;
  const child = fork(join(here, "api-server.mjs"), [], {
    env: {
      ...rest,
      ...(target.url ? { DATABASE_URL: target.url } : { BENCH_SQLITE_FILE: target.sqliteFile }),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map();
  child.on("message", (m) => waiting.get(m.type)?.resolve(m));
  child.once("exit", (code) => {
    for (const w of waiting.values()) w.reject(new Error(`Máy chủ dừng (mã ${code}).`));
  });
  const next = (type) =>
    new Promise((resolve, reject) => {
      waiting.set(type, {
        resolve: (m) => (waiting.delete(type), resolve(m)),
        reject,
      });
    });
  return {
    ready: next("ready"),
    async record(fn) {
      const started = next("recording");
      child.send({ type: "record" });
      await started;
      await fn();
      const done = next("queries");
      child.send({ type: "recorded" });
      return (await done).queries;
    },
    /** the server process's CPU time so far (process.cpuUsage: user and system µs) */
    async cpu() {
      const answer = next("cpu");
      child.send({ type: "cpu" });
      return (await answer).usage;
    },
    async stop() {
      waiting.clear();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "stop" });
      await exited;
    },
  };
}
