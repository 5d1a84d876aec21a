// Generates a national-scale synthetic dataset (README "Benchmarks") from the
// seeds' vocabulary and writes it straight into a database through @giamsat/db, in large
// batches. Deterministic for a given --seed. Run `npm run build` first.
//
//   node bench/generate.mjs [--tasks 100000] [--reports 2×tasks] [--orgs 5000] [--users 100000]
//                           [--seed 57] [--sqlite FILE | --pg postgres://…] [--reset | --resume]
//                           [--bulk]
//
// Environment equivalents: BENCH_TASKS, BENCH_REPORTS, BENCH_ORGS, BENCH_USERS, BENCH_SEED,
// DATABASE_URL. Default target: bench/data/giamsat-<tasks>.sqlite. Refuses to write into a
// database that already holds tasks unless --reset (which deletes the SQLite file, or drops and
// recreates the PostgreSQL schema `public`) or --resume: plans are written whole, a batch of them
// per transaction, so a run stopped at any point left a prefix of the plans; --resume (same
// options and seed) draws the stored plans again without writing them and goes on after them.
// --bulk (PostgreSQL, as a superuser): the batches are written with the triggers off
// (session_replication_role = replica: the kept counts' triggers and the foreign-key checks), and
// every kept count is counted once at the end (`recountKeptCounts`, as `giamsat recount`); at 2M
// tasks the triggers made each row cost ~5× more. Milestones, evidence and reviews are not
// generated.
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateToLatest, openDatabase, recountKeptCounts } from "@giamsat/db";
import { sql } from "kysely";
import { createRandom } from "./generate-random.mjs";
import { loadVocabulary } from "./generate-vocabulary.mjs";
import { buildOrganisations } from "./generate-orgs.mjs";
import { deadlineWeights } from "./generate-deadline.mjs";
import { planRows } from "./generate-rows.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
export const DATA_DIR = join(here, "data");
export const RESULTS_DIR = join(here, "results");

const PARAM_LIMIT = { sqlite: 30_000, postgres: 60_000 };
const ID_TABLES = [
  "organisations",
  "users",
  "plans",
  "appendices",
  "reporting_calendars",
  "tasks",
  "task_orgs",
  "progress_reports",
];

export function defaultSqliteFile(tasks) {
  return join(DATA_DIR, `giamsat-${tasks}.sqlite`);
}

async function insertAll(db, dialect, table, rows) {
  if (!rows.length) return;
  const size = Math.max(1, Math.floor(PARAM_LIMIT[dialect] / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

async function prepareTarget(options) {
  if (!options.url && options.reset) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(options.sqliteFile + suffix, { force: true });
  }
  if (!options.url) mkdirSync(join(options.sqliteFile, ".."), { recursive: true });
  const handle = openDatabase(
    options.url ? { url: options.url, poolSize: 2 } : { sqliteFile: options.sqliteFile },
  );
  if (options.url && options.reset) {
    await sql`DROP SCHEMA public CASCADE`.execute(handle.db);
    await sql`CREATE SCHEMA public`.execute(handle.db);
  }
  await migrateToLatest(handle.db);
  const stored = {
    organisations: await countRows(handle.db, "organisations"),
    plans: await countRows(handle.db, "plans"),
    tasks: await countRows(handle.db, "tasks"),
  };
  if (stored.tasks > 0 && !options.resume) {
    await handle.close();
    throw new Error(
      `Cơ sở dữ liệu đích đã có ${stored.tasks} nhiệm vụ; thêm --reset để xoá và tạo lại hoặc --resume để viết tiếp.`,
    );
  }
  return { handle, stored };
}

async function countRows(db, table) {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

function userRows(orgRows, total) {
  const rows = [];
  const byOrg = new Map();
  const perOrg = Math.max(1, Math.floor(total / orgRows.length));
  for (const org of orgRows) {
    const ids = [];
    for (let k = 0; k < perOrg && rows.length < Math.max(total, orgRows.length); k++) {
      const id = rows.length + 1;
      rows.push({
        id,
        username: `u${id}`,
        display_name: `Cán bộ ${id}`,
        password_hash: "bench-no-login",
        role: k === 0 ? "unit_head" : "unit_staff",
        org_id: org.id,
      });
      ids.push(id);
    }
    byOrg.set(org.id, ids);
  }
  return { rows, byOrg };
}

function planSizes(tasks, perPlan, random) {
  const sizes = [];
  for (let left = tasks; left > 0;) {
    const size = Math.min(left, random.int(Math.ceil(perPlan * 0.2), Math.ceil(perPlan * 1.8)));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

export async function generateDataset(input = {}) {
  const options = {
    tasks: 100_000,
    orgs: 5_000,
    users: 100_000,
    seed: 57,
    tasksPerPlan: 100,
    reset: false,
    ...input,
  };
  options.reports ??= options.tasks * 2;
  if (!options.url) options.sqliteFile ??= defaultSqliteFile(options.tasks);
  const started = performance.now();
  const random = createRandom(options.seed);
  const vocab = loadVocabulary();
  const orgs = buildOrganisations(vocab, options.orgs, random);
  const users = userRows(orgs.rows, options.users);
  const { handle, stored } = await prepareTarget(options);
  const { db, dialect } = handle;
  const counts = {
    organisations: 0,
    users: 0,
    plans: 0,
    tasks: 0,
    task_orgs: 0,
    progress_reports: 0,
  };
  let resumedRows = 0;
  let recountSeconds = null;
  try {
    if (stored.organisations === 0) {
      await db.transaction().execute(async (trx) => {
        await insertAll(trx, dialect, "organisations", orgs.rows);
        await insertAll(trx, dialect, "users", users.rows);
        await insertAll(
          trx,
          dialect,
          "user_orgs",
          users.rows.map((u) => ({ user_id: u.id, org_id: u.org_id })),
        );
      });
    }
    counts.organisations = orgs.rows.length;
    counts.users = users.rows.length;

    const weights = deadlineWeights(vocab);
    const recurringShare = weights
      .filter(([f]) => f === "continuous" || f === "yearly")
      .reduce((s, [, w]) => s + w, 0);
    const perTask = options.reports / options.tasks;
    let reportsOwed = 0;
    const { byLevel } = orgs;
    const ctx = {
      random,
      vocab,
      orgs,
      seed: options.seed,
      ids: { plans: 0, appendices: 0, tasks: 0, taskOrgs: 0, reports: 0 },
      recurringShare,
      timeBoundForms: weights.filter(([f]) => f !== "continuous" && f !== "yearly"),
      // a task with fewer periods than its share leaves the rest to the next tasks, so the
      // dataset holds the reports asked for (20M over 2M tasks is 10 a task, more than many hold)
      reportsPerTask: () => {
        const n = Math.floor(perTask) + (random.chance(perTask % 1) ? 1 : 0) + reportsOwed;
        reportsOwed = 0;
        return n;
      },
      reportsLeftOver: (n) => {
        reportsOwed += n;
      },
      usersOf: (orgId) => users.byOrg.get(orgId) ?? [1],
      ownerPool: [
        ...byLevel.ministries.map((o) => [o, 3]),
        ...byLevel.central.map((o) => [o, 1]),
        ...byLevel.provinces.map((o) => [o, 3]),
        ...[...byLevel.departments.values(), ...byLevel.so.values()].flat().map((o) => [o, 0.3]),
        ...[...byLevel.communes.values()].flat().map((o) => [o, 0.02]),
      ],
    };
    let batch = { plans: [], appendices: [], calendars: [], tasks: [], taskOrgs: [], reports: [] };
    const flush = async () => {
      await db.transaction().execute(async (trx) => {
        if (options.bulk) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        await insertAll(trx, dialect, "plans", batch.plans);
        await insertAll(trx, dialect, "appendices", batch.appendices);
        await insertAll(trx, dialect, "reporting_calendars", batch.calendars);
        await insertAll(trx, dialect, "tasks", batch.tasks);
        await insertAll(trx, dialect, "task_orgs", batch.taskOrgs);
        await insertAll(trx, dialect, "progress_reports", batch.reports);
      });
      counts.plans += batch.plans.length;
      counts.tasks += batch.tasks.length;
      counts.task_orgs += batch.taskOrgs.length;
      counts.progress_reports += batch.reports.length;
      batch = { plans: [], appendices: [], calendars: [], tasks: [], taskOrgs: [], reports: [] };
      if (options.progress) options.progress(counts);
    };
    const sizes = planSizes(options.tasks, options.tasksPerPlan, random);
    for (let i = 0; i < sizes.length; i++) {
      const rows = planRows(ctx, i, sizes[i]);
      if (i < stored.plans) {
        counts.plans += 1;
        counts.tasks += rows.tasks.length;
        counts.task_orgs += rows.taskOrgs.length;
        counts.progress_reports += rows.reports.length;
        resumedRows += rows.tasks.length + rows.taskOrgs.length + rows.reports.length;
        continue;
      }
      batch.plans.push(rows.plan);
      batch.appendices.push(...rows.appendices);
      batch.calendars.push(rows.calendarRow);
      batch.tasks.push(...rows.tasks);
      batch.taskOrgs.push(...rows.taskOrgs);
      batch.reports.push(...rows.reports);
      if (batch.tasks.length >= 5_000 || batch.reports.length >= 50_000) await flush();
    }
    await flush();
    if (dialect === "postgres") {
      for (const table of ID_TABLES) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT coalesce(max(id), 1) FROM ${sql.table(table)}))`.execute(
          db,
        );
      }
    }
    if (options.bulk) {
      const t0 = performance.now();
      await recountKeptCounts(db);
      recountSeconds = Math.round((performance.now() - t0) / 100) / 10;
    }
    await sql`ANALYZE`.execute(db);
  } finally {
    await handle.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    dialect,
    target: options.url ? options.url.replace(/\/\/[^@]*@/, "//…@") : options.sqliteFile,
    seed: options.seed,
    vocabulary: {
      source: vocab.source,
      taskNames: vocab.taskNames,
      deadlineForms: Object.fromEntries(vocab.deadlineForms),
    },
    counts,
    resumedAfterPlans: stored.plans,
    bulk: Boolean(options.bulk),
    recountSeconds,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(
      (counts.tasks + counts.task_orgs + counts.progress_reports - resumedRows) / seconds,
    ),
    sqliteBytes: options.url ? null : statSync(options.sqliteFile).size,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, "").split("=", 2);
    args[key] = inline ?? (argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : "true");
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const env = process.env;
  const num = (value) => (value === undefined ? undefined : Number(value));
  const options = Object.fromEntries(
    Object.entries({
      tasks: num(args.tasks ?? env.BENCH_TASKS),
      reports: num(args.reports ?? env.BENCH_REPORTS),
      orgs: num(args.orgs ?? env.BENCH_ORGS),
      users: num(args.users ?? env.BENCH_USERS),
      seed: num(args.seed ?? env.BENCH_SEED),
      url: args.pg ?? env.DATABASE_URL,
      sqliteFile: args.sqlite,
      reset: args.reset === "true",
      resume: args.resume === "true",
      bulk: args.bulk === "true",
    }).filter(([, v]) => v !== undefined),
  );
  for (const key of ["tasks", "reports", "orgs", "users", "seed"]) {
    if (key in options && !(Number.isInteger(options[key]) && options[key] >= 0)) {
      throw new Error(`--${key} phải là số nguyên không âm.`);
    }
  }
  if (options.bulk && !options.url) throw new Error("--bulk chỉ dùng với PostgreSQL (--pg).");
  if (options.reset && options.resume) throw new Error("Chọn --reset hoặc --resume, không cả hai.");
  // reports asked for, not always stored: the last tasks may not have periods for all of them
  if (options.tasks > 2_000_000 || options.reports > 25_000_000) {
    throw new Error("Tối đa 2.000.000 nhiệm vụ và 25.000.000 báo cáo.");
  }
  let last = 0;
  options.progress = (c) => {
    if (c.tasks - last >= 100_000) {
      last = c.tasks;
      console.error(`… ${c.tasks} nhiệm vụ, ${c.progress_reports} báo cáo`);
    }
  };
  const result = await generateDataset(options);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `generate-${result.dialect}-${result.counts.tasks}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result, null, 2));
  console.log(`→ ${file}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
