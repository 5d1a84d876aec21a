// Datasets and accounts for the API benchmark: reuses a generated database of the right size
// (bench/data/giamsat-<tasks>.sqlite, or a database per size in a throwaway PostgreSQL cluster)
// or generates it, then adds a leader and a unit user with API tokens.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { insertApiToken, openDatabase } from "@giamsat/db";
import pg from "pg";
import { defaultSqliteFile, generateDataset, RESULTS_DIR } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const CLUSTER = `source "${root}scripts/pg-test-cluster.sh"`;

/** A throwaway cluster (scripts/pg-test-cluster.sh) or null when PostgreSQL is not installed. */
export function startCluster() {
  const run = spawnSync(
    "bash",
    [
      "-c",
      `${CLUSTER} && pg_cluster_start >&2 && echo "$PG_CLUSTER_URL|$PG_CLUSTER_DIR|$PG_CLUSTER_BIN"`,
    ],
    { encoding: "utf8" },
  );
  if (run.status !== 0) return null;
  const [url, dir, bin] = run.stdout.trim().split("|");
  return {
    url,
    stop: () =>
      spawnSync("bash", [
        "-c",
        `${CLUSTER} && PG_CLUSTER_DIR="${dir}" PG_CLUSTER_BIN="${bin}" pg_cluster_stop`,
      ]),
  };
}

async function databaseFor(baseUrl, tasks) {
  const name = `bench_${tasks}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function existingCounts(target) {
  if (!target.url && !existsSync(target.sqliteFile)) return null;
  const handle = openDatabase(
    target.url ? { url: target.url, poolSize: 1 } : { sqliteFile: target.sqliteFile },
  );
  try {
    const count = async (table) =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { tasks: await count("tasks"), progress_reports: await count("progress_reports") };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * The dataset of `tasks` tasks on SQLite (url undefined) or PostgreSQL; `perCluster` makes one
 * database per size inside a throwaway cluster. Generated data is kept between runs.
 */
export async function ensureDataset({ tasks, reports, url, perCluster, log }) {
  const target = url
    ? { url: perCluster ? await databaseFor(url, tasks) : url }
    : { sqliteFile: defaultSqliteFile(tasks) };
  const meta = target.url ? null : `${target.sqliteFile}.json`;
  const counts = await existingCounts(target);
  let generation = meta && existsSync(meta) ? JSON.parse(readFileSync(meta, "utf8")) : null;
  const generatedTasks = generation?.counts?.tasks ?? counts?.tasks;
  if (!counts || counts.tasks !== tasks || generatedTasks !== tasks) {
    if (counts?.tasks && url && !perCluster && process.env.BENCH_RESET !== "1") {
      throw new Error("DATABASE_URL đã có dữ liệu khác kích thước; đặt BENCH_RESET=1 để tạo lại.");
    }
    log(
      `Tạo dữ liệu ${tasks} nhiệm vụ, ${reports} báo cáo (${target.url ? "PostgreSQL" : "SQLite"})…`,
    );
    generation = await generateDataset({ tasks, reports, ...target, reset: true });
    if (meta) writeFileSync(meta, JSON.stringify(generation, null, 2));
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, `generate-${generation.dialect}-${tasks}.json`),
      JSON.stringify(generation, null, 2) + "\n",
    );
  }
  return { target, generation: generation ?? { counts } };
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

async function userWithToken(db, username, role, orgId) {
  let user = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirst();
  if (!user) {
    user = await db
      .insertInto("users")
      .values({
        username,
        display_name: username,
        password_hash: "bench-no-login",
        role,
        org_id: orgId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (orgId !== null)
      await db.insertInto("user_orgs").values({ user_id: user.id, org_id: orgId }).execute();
  }
  const token = `gs_bench_${randomBytes(16).toString("hex")}`;
  await insertApiToken(db, user.id, sha256(token), "benchmark");
  return { id: user.id, token };
}

/** Accounts and the ids the requests use: the biggest plan and the busiest lead unit. */
export async function prepareAccounts(target) {
  const handle = openDatabase(
    target.url ? { url: target.url, poolSize: 1 } : { sqliteFile: target.sqliteFile },
  );
  try {
    const { db } = handle;
    const plan = await db
      .selectFrom("tasks")
      .select(["plan_id", (eb) => eb.fn.countAll().as("n")])
      .groupBy("plan_id")
      .orderBy("n", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const lead = await db
      .selectFrom("tasks")
      .innerJoin("organisations", "organisations.id", "tasks.lead_org_id")
      .select(["tasks.lead_org_id as id", (eb) => eb.fn.countAll().as("n")])
      .where("organisations.kind", "=", "unit")
      .groupBy("tasks.lead_org_id")
      .orderBy("n", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const leader = await userWithToken(db, "bench-leader", "leader", null);
    return { planId: plan.plan_id, planTasks: Number(plan.n), leadId: lead.id, leader };
  } finally {
    await handle.close();
  }
}

/** Today's month, quarter and year keys in Vietnam (a report sent today is for one of them). */
function currentPeriodKeys() {
  const day = new Date(Date.now() + 7 * 3_600_000);
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  return [
    `${year}-${String(month).padStart(2, "0")}`,
    `${year}-Q${Math.ceil(month / 3)}`,
    String(year),
  ];
}

/**
 * Staff of the units leading the most tasks, enough units for `wanted` (task, this period) pairs
 * that have no report yet (none refused as a second report of the period): each with a token and
 * its open lead tasks (at most 500 units).
 */
export async function prepareSubmitters(target, wanted) {
  const handle = openDatabase(
    target.url ? { url: target.url, poolSize: 1 } : { sqliteFile: target.sqliteFile },
  );
  try {
    const { db } = handle;
    const units = await db
      .selectFrom("tasks")
      .innerJoin("organisations", "organisations.id", "tasks.lead_org_id")
      .select(["tasks.lead_org_id as id", (eb) => eb.fn.countAll().as("n")])
      .where("organisations.kind", "=", "unit")
      .where("tasks.cancelled_at", "is", null)
      .groupBy("tasks.lead_org_id")
      .orderBy("n", "desc")
      .limit(500)
      .execute();
    const submitters = [];
    let pairs = 0;
    for (const unit of units) {
      if (pairs >= wanted) break;
      const tasks = await db
        .selectFrom("tasks")
        .select("id")
        .where("lead_org_id", "=", unit.id)
        .where("cancelled_at", "is", null)
        .where("removed_at", "is", null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("progress_reports")
                .select("id")
                .whereRef("progress_reports.task_id", "=", "tasks.id")
                .where("period_key", "in", currentPeriodKeys()),
            ),
          ),
        )
        .orderBy("id")
        .execute();
      const user = await userWithToken(db, `bench-staff-${unit.id}`, "unit_staff", unit.id);
      submitters.push({ ...user, taskIds: tasks.map((t) => t.id) });
      pairs += tasks.length;
    }
    return submitters;
  } finally {
    await handle.close();
  }
}

/** Reports submitted by the given users. */
export async function reportsBy(target, userIds) {
  const handle = openDatabase(
    target.url ? { url: target.url, poolSize: 1 } : { sqliteFile: target.sqliteFile },
  );
  try {
    const row = await handle.db
      .selectFrom("progress_reports")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("submitted_by", "in", userIds)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await handle.close();
  }
}
