// Public feedback (PAKN) through the public endpoint, proof of work included (goal ≥ 200
// submissions/s on SQLite): a fresh SQLite data dir, the app on 127.0.0.1:0.
// - `submit`: BENCH_SUBMISSIONS (default 2000) JSON submissions, each with its own solved
//   ALTCHA challenge, sent by BENCH_CONNECTIONS (default 10) visitors back to back. The
//   challenges are fetched and solved first: solving is the visitor's browser's work, the
//   server's is to verify (one HMAC and one SHA-256, whatever the challenge's size), check the
//   rate, find identical content and write the row with its audit entry. Every visitor has its
//   own address (X-Forwarded-For from 127.0.0.1, trusted) as on the public channel, so the
//   per-address limit (10 a minute) does not refuse them; contents differ (no 409).
// - `track` and `challenge`: a burst of BENCH_CONNECTIONS visitors for BENCH_LOAD_SECONDS
//   (default 5) on a tracking page `/api/public/feedback/CODE` and on `/api/public/challenge`.
// Solving uses GIAMSAT_ALTCHA_MAX_NUMBER=BENCH_ALTCHA_MAX (default 5,000, as the server tests)
// to keep the client's share short. Run `npm run build` first.
// Result: bench/results/feedback-sqlite.json, with the machine's load average.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, loadConfig, openRuntime } from "@giamsat/server";
import { burst, loadLine, percentiles } from "./http-burst.mjs";

const env = process.env;
const total = Number(env.BENCH_SUBMISSIONS ?? 2000);
const connections = Number(env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(env.BENCH_LOAD_SECONDS ?? 5);
const dataDir = mkdtempSync(join(tmpdir(), "giamsat-feedback-"));
const config = loadConfig({
  GIAMSAT_DATA_DIR: dataDir,
  GIAMSAT_LOG: "silent",
  GIAMSAT_TRUST_PROXY: "127.0.0.1",
  GIAMSAT_ALTCHA_MAX_NUMBER: env.BENCH_ALTCHA_MAX ?? "5000",
});
const rt = await openRuntime(config);
const app = await createApp(rt.ctx);
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${app.server.address().port}`;

/** A challenge from the server, solved as the form's solver does. */
async function solved() {
  const c = await (await fetch(`${base}/api/public/challenge`)).json();
  let number = 0;
  while (createHash("sha256").update(`${c.salt}${number}`).digest("hex") !== c.challenge)
    number += 1;
  return Buffer.from(JSON.stringify({ ...c, number })).toString("base64");
}

const kinds = ["phan_anh", "kien_nghi", "sang_kien", "giai_phap", "dat_hang"];
const address = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const body = (i, altcha) =>
  JSON.stringify({
    kind: kinds[i % kinds.length],
    title: `Góp ý thử tải số ${i}`,
    content: `Nội dung góp ý thử tải số ${i}: đề nghị công khai tiến độ nhiệm vụ đúng hạn.`,
    name: `Người gửi ${i}`,
    email: `nguoi.gui.${i}@example.vn`,
    consent: true,
    publishName: false,
    altcha,
  });

const solveStart = performance.now();
const solutions = [];
for (let i = 0; i < total; i++) solutions.push(await solved());
const solveSeconds = (performance.now() - solveStart) / 1000;

const ms = [];
const statuses = {};
const codes = [];
let next = 0;
const loadBefore = loadLine();
const t0 = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (next < total) {
      const i = next++;
      const s = performance.now();
      const r = await fetch(`${base}/api/public/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address(i) },
        body: body(i, solutions[i]),
      });
      const answer = await r.json();
      ms.push(performance.now() - s);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status === 201) codes.push(answer.code);
    }
  }),
);
const submitSeconds = (performance.now() - t0) / 1000;
const loadAfter = loadLine();
if (!codes.length) throw new Error(`no submission accepted: ${JSON.stringify(statuses)}`);

const figures = {
  measuredAt: new Date().toISOString(),
  database: "sqlite",
  cores: cpus().length,
  altchaMaxNumber: config.altchaMaxNumber,
  goalSubmissionsPerSecond: 200,
  submit: {
    submissions: total,
    connections,
    submissionsPerSecond: Math.round(codes.length / submitSeconds),
    ...percentiles(ms),
    statuses,
    loadAverage: [loadBefore, loadAfter],
    clientSolveSeconds: Math.round(solveSeconds * 10) / 10,
  },
  track: await burst(connections, seconds, `${base}/api/public/feedback/${codes[0]}`),
  challenge: await burst(connections, seconds, `${base}/api/public/challenge`),
};
console.log(JSON.stringify(figures, null, 2));
const resultsDir = fileURLToPath(new URL("results/", import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "feedback-sqlite.json"), `${JSON.stringify(figures, null, 2)}\n`);
await app.close();
await rt.close();
rmSync(dataDir, { recursive: true, force: true });
