// How long a refused login takes, by why it is refused. Not a test.
// Run after `npm run build`:  node bench/login-timing.mjs   (or: npm run bench -- login-timing)
// Starts the app in this process on a fresh SQLite folder and sends POST /api/auth/login (each
// attempt from its own client address, so the per-address cap never applies) for: an existing
// account with a wrong password, an unknown username, a deactivated account, an account the
// throttle holds (429), and, for reference, a correct password. The cases take turns, ROUNDS
// rounds, so that load on the machine falls on all of them alike.
// Issue 10 (point 7): existing, unknown and locked accounts must answer in the same time, so that
// timing tells a guesser nothing; every refusal costs one scrypt verification.
// Goal: the p50 of every refusal case within 20% of the slowest one's. Writes
// bench/results/login-timing.json with the load average.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { recordLoginFailure } from "@giamsat/db";
import { createApp, createUser, loadConfig, openRuntime } from "@giamsat/server";

const root = fileURLToPath(new URL("..", import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
// the server's throttle (services/login-limiter.ts LOGIN_LIMITS), to hold one account
const LIMITS = {
  freeFailures: 3,
  maxDelayMs: 5 * 60_000,
  forgetMs: 60 * 60_000,
  ipMaxFailures: 50,
  ipWindowMs: 15 * 60_000,
};

const dataDir = mkdtempSync(join(tmpdir(), "giamsat-login-"));
const rt = await openRuntime(loadConfig({ GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" }));
const app = await createApp(rt.ctx);
const PASSWORD = "song-hong-mua-thu-2026";
const account = async (username) =>
  createUser(rt.ctx, null, { username, role: "leader", password: PASSWORD });
// one account per attempt with a wrong password, so that its own throttle never starts
const inactive = [];
for (let i = 0; i < ROUNDS; i++) {
  await account(`sai-${i}`);
  inactive.push((await account(`da-khoa-${i}`)).user.id);
}
await rt.ctx.db.updateTable("users").set({ active: 0 }).where("id", "in", inactive).execute();
await account("dung");
await account("bi-chan");
for (let i = 0; i < 20; i++)
  await recordLoginFailure(rt.ctx.db, "bi-chan", "192.0.2.1", Date.now(), LIMITS);

const cases = {
  "existing account, wrong password": (i) => [`sai-${i}`, "mat-khau-sai-0"],
  "unknown username": (i) => [`khong-co-${i}`, "mat-khau-sai-0"],
  "deactivated account": (i) => [`da-khoa-${i}`, "mat-khau-sai-0"],
  "throttled account": () => ["bi-chan", PASSWORD],
  "correct password (reference)": () => ["dung", PASSWORD],
};
const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
const statuses = Object.fromEntries(Object.keys(cases).map((name) => [name, new Set()]));
let address = 0;
try {
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, attempt] of Object.entries(cases)) {
      const [username, password] = attempt(i);
      address++;
      const t0 = performance.now();
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
        payload: { username, password },
      });
      times[name].push(performance.now() - t0);
      statuses[name].add(res.statusCode);
    }
  }
} finally {
  await app.close();
  await rt.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 10) / 10;
};
const results = Object.keys(cases).map((name) => ({
  case: name,
  statuses: [...statuses[name]],
  p50Ms: quantile(times[name], 0.5),
  p95Ms: quantile(times[name], 0.95),
  n: times[name].length,
}));
const refusals = results.filter((r) => !r.case.includes("reference"));
const slowest = Math.max(...refusals.map((r) => r.p50Ms));
const fastest = Math.min(...refusals.map((r) => r.p50Ms));
const goal = { refusalsP50Within20Percent: fastest >= 0.8 * slowest };
const out = join(root, "bench/results/login-timing.json");
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(
  out,
  JSON.stringify({ results, goal, loadAverage: loadavg(), node: process.version }, null, 2) + "\n",
);
console.table(results.map((r) => ({ ...r, statuses: r.statuses.join(",") })));
console.log(`p50 of refusals: ${fastest}–${slowest} ms; goal ${JSON.stringify(goal)}`);
