// The evidence stores on PostgreSQL: BENCH_FILES (default 100,000) small files (1–8 KB, random
// content) stored and read back through each store — the data folder (`local`) and the chunked
// bytea tables (`database`) — with BENCH_CONCURRENCY requests at a time (default 8, as several
// uploads at once), then a few 5 MB files; every file read back is hashed against its key.
// Figures per store: files per second and p50/p95/p99 latency of put and get, listing all the
// keys, the space taken. The database is BENCH_PG_URL (default: bench_evidence on the test
// cluster, `createdb -h 127.0.0.1 -p 25440 -U giamsat bench_evidence`); its two evidence tables
// are emptied first (the test cluster runs with fsync=off: the result records the server's
// fsync setting; BENCH_STORES=database measures only that store, BENCH_NAME names the result).
// Run `npx tsc -b packages/server` first.
// Result: bench/results/evidence-store-postgres-<files>[-<BENCH_NAME>].json.
import { createHash, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { evidenceStore, loadConfig, openRuntime, storagePathOf } from "@giamsat/server";
import { RESULTS_DIR } from "./generate.mjs";

const files = Number(process.env.BENCH_FILES ?? 100_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const largeFiles = 5;
const largeBytes = 5 * 1024 * 1024;
const url = process.env.BENCH_PG_URL ?? "postgres://giamsat@127.0.0.1:25440/bench_evidence";
const stores = (process.env.BENCH_STORES ?? "local,database").split(",");
const name = process.env.BENCH_NAME ? `-${process.env.BENCH_NAME}` : "";
const log = (line) => console.error(line);

const work = mkdtempSync(join(tmpdir(), "giamsat-bench-evidence-"));
const dataDir = join(work, "data");
mkdirSync(join(dataDir, "tmp"), { recursive: true });
const rt = await openRuntime(
  loadConfig({ DATABASE_URL: url, GIAMSAT_DATA_DIR: dataDir, GIAMSAT_LOG: "silent" }),
);

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
const round = (n, digits = 2) => Number(n.toFixed(digits));

/** Runs `task(i)` for i in [0, count) with `concurrency` at a time; latency figures in ms. */
async function timed(count, task) {
  const latencies = new Float64Array(count);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        await task(i);
        latencies[i] = performance.now() - t;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count,
    seconds: round(seconds),
    perSecond: round(count / seconds, 1),
    p50ms: round(percentile(sorted, 50)),
    p95ms: round(percentile(sorted, 95)),
    p99ms: round(percentile(sorted, 99)),
  };
}

/** The content of file `i` (small) — made from a seed so that reading back can check it. */
const seeds = Array.from({ length: files }, () => randomBytes(16));
const smallContent = (i) => {
  const size = 1024 + (seeds[i].readUInt16BE(0) % (7 * 1024));
  const out = Buffer.alloc(size);
  for (let at = 0; at < size; at += 32)
    createHash("sha256").update(seeds[i]).update(String(at)).digest().copy(out, at);
  return out;
};
const large = Array.from({ length: largeFiles }, () => randomBytes(largeBytes));
const hashOf = (bytes) => createHash("sha256").update(bytes).digest("hex");
const smallKeys = [];

/** Writes `bytes` as an upload's temporary file and puts it into `store`. */
async function put(store, bytes, sha256) {
  const path = join(dataDir, "tmp", `${randomBytes(8).toString("hex")}.tmp`);
  writeFileSync(path, bytes);
  try {
    await store.put({ path, size: bytes.length, sha256 }, "application/pdf");
  } finally {
    rmSync(path, { force: true });
  }
}

async function readAll(store, key) {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of await store.get(key)) {
    hash.update(chunk);
    size += chunk.length;
  }
  if (hash.digest("hex") !== key.slice(-64)) throw new Error(`${key}: read back another content`);
  return size;
}

async function space(kind) {
  if (kind === "local") {
    return Number(
      execFileSync("du", ["-sb", join(dataDir, "evidence")], { encoding: "utf8" }).split("\t")[0],
    );
  }
  const { rows } = await sql`SELECT pg_total_relation_size('evidence_blobs')
    + pg_total_relation_size('evidence_chunks') AS n`.execute(rt.ctx.db);
  return Number(rows[0].n);
}

const result = {
  what: "evidence stores on PostgreSQL: small files (1–8 KB) stored and read back, then 5 MB files",
  files,
  concurrency,
  largeFiles: `${largeFiles} × ${largeBytes / 1024 / 1024} MB`,
  loadAverage: { before: loadavg().map((n) => round(n)) },
  postgres: Object.fromEntries(
    (
      await sql`SELECT name, setting FROM pg_settings
        WHERE name IN ('server_version', 'fsync', 'synchronous_commit')`.execute(rt.ctx.db)
    ).rows.map((r) => [r.name, r.setting]),
  ),
  stores: {},
};
try {
  for (let i = 0; i < files; i++) smallKeys.push(storagePathOf(hashOf(smallContent(i))));
  for (const kind of stores) {
    await sql`TRUNCATE evidence_blobs, evidence_chunks`.execute(rt.ctx.db);
    rmSync(join(dataDir, "evidence"), { recursive: true, force: true });
    const store = evidenceStore(kind, rt.ctx);
    log(`${kind}: ${files} tệp nhỏ …`);
    const putSmall = await timed(files, (i) =>
      put(store, smallContent(i), smallKeys[i].slice(-64)),
    );
    log(`  ghi ${putSmall.perSecond}/s`);
    // read in another order than written
    const order = smallKeys.map((_, i) => (i * 7919) % files);
    const getSmall = await timed(files, (i) => readAll(store, smallKeys[order[i]]));
    log(`  đọc ${getSmall.perSecond}/s`);
    const again = await timed(Math.min(files, 10_000), (i) =>
      put(store, smallContent(i), smallKeys[i].slice(-64)),
    );
    const listStarted = performance.now();
    let listed = 0;
    for await (const _ of store.list()) listed++;
    const listSeconds = round((performance.now() - listStarted) / 1000);
    const largeKeys = large.map((b) => storagePathOf(hashOf(b)));
    const putLarge = await timed(largeFiles, (i) => put(store, large[i], largeKeys[i].slice(-64)));
    const getLarge = await timed(largeFiles, (i) => readAll(store, largeKeys[i]));
    const mb = (largeFiles * largeBytes) / 1024 / 1024;
    result.stores[kind] = {
      putSmall,
      getSmall,
      putSameContentAgain: again,
      list: { files: listed, seconds: listSeconds },
      putLarge: { ...putLarge, mbPerSecond: round(mb / putLarge.seconds, 1) },
      getLarge: { ...getLarge, mbPerSecond: round(mb / getLarge.seconds, 1) },
      bytesStored: await space(kind),
    };
    log(JSON.stringify(result.stores[kind]));
  }
  result.loadAverage.after = loadavg().map((n) => round(n));
  const out = join(RESULTS_DIR, `evidence-store-postgres-${files}${name}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`→ ${out}`);
} finally {
  await sql`TRUNCATE evidence_blobs, evidence_chunks`.execute(rt.ctx.db);
  await rt.close();
  rmSync(work, { recursive: true, force: true });
}
