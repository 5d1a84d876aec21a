// Indicator list benchmark: `/api/indicators` for one plan and nationally (first
// page of 50, and filtered by warning) at BENCH_INDICATORS indicators (default 100000, in plans
// of 1000) × BENCH_PERIODS monthly accepted values each (default 24, 2025-01…2026-12), as a
// leader (every unit), and as a unit's staff (the unit leads one indicator in UNITS and
// coordinates another one in UNITS) and a leader filtering by that unit, on SQLite
// (BENCH_SQLITE=0 skips it) and PostgreSQL (DATABASE_URL; skipped without it). p50/p95 over BENCH_ITERATIONS (default 20) sequential requests after
// BENCH_WARMUP (default 2), through app.inject (no network). Goal: p95 ≤ 50 ms. The list for
// today reads the stored evaluations (indicator_evaluations): the backfill that stores them for
// the generated data (as at server start) is timed first (`backfillSeconds`); PostgreSQL's
// statistics are gathered (ANALYZE) after the fill, and the backfill refreshes them for the
// evaluations it wrote.
// Run `npm run build` first. Results: bench/results/indicators-<dialect>-<indicators>.json.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { insertApiToken, migrateToLatest, openDatabase } from "@giamsat/db";
import { createApp, loadConfig, refreshOutdatedIndicatorEvaluations } from "@giamsat/server";
import { sql } from "kysely";
import { summary } from "./api-sql.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const RESULTS_DIR = join(here, "results");
const env = process.env;
const INDICATORS = Number(env.BENCH_INDICATORS ?? 100_000);
const PERIODS = Number(env.BENCH_PERIODS ?? 24);
const PER_PLAN = 1000;
const UNITS = 50;
const iterations = Number(env.BENCH_ITERATIONS ?? 20);
const warmups = Number(env.BENCH_WARMUP ?? 2);
const log = (m) => console.error(m);

const periods = Array.from({ length: PERIODS }, (_, i) => {
  const y = 2025 + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, "0")}`;
});

async function insertBatched(db, table, rows, perRow) {
  const batch = Math.max(1, Math.floor(30_000 / perRow));
  for (let i = 0; i < rows.length; i += batch)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + batch))
      .execute();
}

async function userWithToken(db, username, role, orgId) {
  const user = await db
    .insertInto("users")
    .values({ username, display_name: "bench", password_hash: "x", role, org_id: orgId })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = `gs_bench_${randomBytes(16).toString("hex")}`;
  await insertApiToken(db, user.id, createHash("sha256").update(token).digest("hex"), "bench");
  return { id: user.id, token };
}

async function generate(db) {
  const orgs = [];
  for (let u = 0; u < UNITS; u++) {
    const name = `Đơn vị đo thử ${u + 1}`;
    const org = await db
      .insertInto("organisations")
      .values({ name, kind: "unit", search: `don vi do thu ${u + 1}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    orgs.push(org.id);
  }
  const user = await userWithToken(db, "bench-leader", "leader", null);
  const staff = await userWithToken(db, "bench-unit", "unit_staff", orgs[0]);
  const plans = Math.ceil(INDICATORS / PER_PLAN);
  const planIds = [];
  for (let p = 0; p < plans; p++) {
    const plan = await db
      .insertInto("plans")
      .values({
        number: `${p + 1}/QĐ-BENCH`,
        title: "Kế hoạch giai đoạn 2025–2026",
        draft: 0,
        source_hash: `bench-${p}`,
        source_name: "bench.txt",
        warnings: "[]",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const appendix = await db
      .insertInto("appendices")
      .values({
        plan_id: plan.id,
        ordinal: 1,
        title: "Chỉ tiêu",
        kind: "indicators",
        columns: "[]",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    planIds.push(plan.id);
    const count = Math.min(PER_PLAN, INDICATORS - p * PER_PLAN);
    const rows = Array.from({ length: count }, (_, i) => {
      const rate = i % 3 !== 0;
      return {
        plan_id: plan.id,
        appendix_id: appendix.id,
        ordinal: i + 1,
        number: String(i + 1),
        name: rate ? `Tỷ lệ hồ sơ xử lý trực tuyến ${i + 1}` : `Số sản phẩm số ${i + 1}`,
        name_search: rate ? `ty le ho so ${i + 1}` : `so san pham ${i + 1}`,
        unit: rate ? "%" : "Sản phẩm",
        lead_org_id: orgs[i % UNITS],
        target: JSON.stringify(
          rate
            ? { raw: "≥80", parts: [{ op: ">=", value: 80, unit: "%", scope: null }] }
            : { raw: "120", parts: [{ op: "=", value: 120, unit: null, scope: null }] },
        ),
        basis: "[]",
        line: i + 1,
      };
    });
    await insertBatched(db, "indicators", rows, 12);
    const ids = await db
      .selectFrom("indicators")
      .select(["id", "unit", "ordinal"])
      .where("plan_id", "=", plan.id)
      .orderBy("ordinal")
      .execute();
    const coordinators = ids.map((ind) => {
      const org = orgs[(ind.ordinal + 6) % UNITS];
      return {
        indicator_id: ind.id,
        role: "coordinator",
        ordinal: 1,
        org_id: org,
        raw: "Đơn vị đo thử",
        name: "Đơn vị đo thử",
        kind: "unit",
        scope: null,
        resolved: 1,
      };
    });
    await insertBatched(db, "indicator_orgs", coordinators, 9);
    const values = [];
    for (const [k, ind] of ids.entries()) {
      for (const [m, period] of periods.entries()) {
        const v = ind.unit === "%" ? 40 + m * 1.5 + (k % 7) : 2 + ((k + m) % 5);
        values.push({
          indicator_id: ind.id,
          org_id: null,
          period,
          value: v,
          source: "api",
          status: "accepted",
          submitted_by: user.id,
          submitted_at: "2026-01-01T00:00:00.000Z",
          reviewed_by: user.id,
          reviewed_at: "2026-01-01T00:00:00.000Z",
        });
      }
      if (values.length >= 20_000)
        await insertBatched(db, "indicator_values", values.splice(0), 10);
    }
    await insertBatched(db, "indicator_values", values, 10);
    if ((p + 1) % 10 === 0) log(`  ${(p + 1) * PER_PLAN} chỉ tiêu`);
  }
  return { token: user.token, staffToken: staff.token, unit: orgs[0], planIds };
}

async function time(app, url, token) {
  const samples = [];
  for (let i = 0; i < warmups + iterations; i++) {
    const t0 = performance.now();
    const res = await app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    const ms = performance.now() - t0;
    if (res.statusCode !== 200)
      throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (i >= warmups) samples.push(ms);
  }
  return summary(samples);
}

async function run(dialect, target) {
  log(`\n${dialect}: ${INDICATORS} chỉ tiêu × ${PERIODS} kỳ`);
  const handle = openDatabase(target);
  await migrateToLatest(handle.db);
  const t0 = performance.now();
  const { token, staffToken, unit, planIds } = await generate(handle.db);
  if (dialect === "postgres") await sql`analyze`.execute(handle.db);
  const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const config = loadConfig({
    ...env,
    PORT: "0",
    GIAMSAT_LOG: "silent",
    GIAMSAT_DATA_DIR: mkdtempSync(join(tmpdir(), "giamsat-bench-")),
  });
  const t1 = performance.now();
  const stored = await refreshOutdatedIndicatorEvaluations({
    db: handle.db,
    dialect: handle.dialect,
    config,
  });
  const backfillSeconds = Math.round((performance.now() - t1) / 100) / 10;
  log(`  backfill ${stored} chỉ tiêu: ${backfillSeconds} s`);
  const app = await createApp({ db: handle.db, dialect: handle.dialect, config });
  const plan = planIds[Math.floor(planIds.length / 2)];
  const endpoints = {
    plan: [`/api/indicators?plan=${plan}&limit=50`, token],
    national: [`/api/indicators?limit=50`, token],
    nationalAtRisk: [`/api/indicators?warning=at_risk&limit=50`, token],
    nationalAchieved: [`/api/indicators?warning=achieved&limit=50`, token],
    nationalOneUnit: [`/api/indicators?unit=${unit}&limit=50`, token],
    unitStaff: [`/api/indicators?limit=50`, staffToken],
    unitStaffPlan: [`/api/indicators?plan=${plan}&limit=50`, staffToken],
  };
  const results = {};
  for (const [name, [url, as]] of Object.entries(endpoints)) {
    results[name] = {
      url,
      as: as === token ? "leader" : "unit_staff",
      ...(await time(app, url, as)),
    };
    log(`  ${name.padEnd(16)} p50 ${results[name].p50} ms  p95 ${results[name].p95} ms`);
  }
  await app.close();
  await handle.close();
  const out = {
    dialect,
    indicators: INDICATORS,
    periods: PERIODS,
    values: INDICATORS * PERIODS,
    generateSeconds,
    backfillSeconds,
    iterations,
    goalP95Ms: 50,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    at: new Date().toISOString(),
    results,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    join(RESULTS_DIR, `indicators-${dialect}-${INDICATORS}.json`),
    JSON.stringify(out, null, 2) + "\n",
  );
}

if (env.BENCH_SQLITE !== "0") {
  const dir = mkdtempSync(join(tmpdir(), "giamsat-bench-ind-"));
  try {
    await run("sqlite", { sqliteFile: join(dir, "bench.sqlite") });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (env.DATABASE_URL) await run("postgres", { url: env.DATABASE_URL });
else log("PostgreSQL: DATABASE_URL không có, bỏ qua.");
