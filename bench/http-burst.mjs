// Latency figures for the benches that hit the API over HTTP: percentiles of a list of
// milliseconds, and a burst of visitors requesting one address back to back.
//
// Visitors send a browser's Accept-Encoding (Chromium's) over kept-alive connections and read the
// bytes as they come (a browser undoes the compression on its own machine, not on the server's):
// `bytesPerResponse` is what crossed the wire, headers included.
import { request as httpRequest, Agent } from "node:http";
import { loadavg } from "node:os";
import { Worker } from "node:worker_threads";

const round = (x) => Math.round(x * 100) / 100;

export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd" };

export function percentiles(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p) => round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
  return { n: s.length, p50ms: at(50), p95ms: at(95), p99ms: at(99), maxMs: round(s.at(-1)) };
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

/** One GET as a browser sends it: milliseconds, status and bytes received (headers included). */
export function timed(target, headers = {}) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      target,
      { agent, headers: { ...BROWSER_HEADERS, ...headers } },
      (res) => {
        let bytes = res.rawHeaders.reduce((n, h) => n + h.length + 2, 0);
        res.on("data", (chunk) => (bytes += chunk.length));
        res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode, bytes }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
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
  let bytes = 0;
  const until = performance.now() + seconds * 1000;
  const before = loadLine();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const r = await timed(target, headers);
        ms.push(r.ms);
        bytes += r.bytes;
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  return {
    ...percentiles(ms),
    requestsPerSecond: Math.round(ms.length / seconds),
    bytesPerResponse: Math.round(bytes / ms.length),
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
