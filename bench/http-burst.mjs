// Latency figures for the benches that hit the API over HTTP: percentiles of a list of
// milliseconds, and a burst of visitors requesting one address back to back.
import { loadavg } from "node:os";
import { Worker } from "node:worker_threads";

const round = (x) => Math.round(x * 100) / 100;

export function percentiles(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p) => round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
  return { n: s.length, p50ms: at(50), p95ms: at(95), p99ms: at(99), maxMs: round(s.at(-1)) };
}

export async function timed(target, headers = {}) {
  const t0 = performance.now();
  const r = await fetch(target, { headers });
  await r.arrayBuffer();
  return { ms: performance.now() - t0, status: r.status };
}

/** The machine's load average (1, 5, 15 minutes) as one line. */
export const loadLine = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

/** `connections` visitors requesting `target` back to back for `seconds`. */
export async function burst(connections, seconds, target, headers = {}) {
  const ms = [];
  const statuses = {};
  const until = performance.now() + seconds * 1000;
  const before = loadLine();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const r = await timed(target, headers);
        ms.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  return {
    ...percentiles(ms),
    requestsPerSecond: Math.round(ms.length / seconds),
    statuses,
    loadAverage: [before, loadLine()],
  };
}

/** The same burst sent from a worker thread, so that the server's event loop serves only. */
export function burstFromWorker(connections, seconds, target, headers = {}) {
  const worker = new Worker(new URL("./http-burst-worker.mjs", import.meta.url), {
    workerData: { connections, seconds, target, headers },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}
