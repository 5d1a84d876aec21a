/**
 * Several `giamsat serve` processes on one PostgreSQL share the login throttle, the public
 * form's ALTCHA key, used challenges and per-IP hits, and the daily jobs' runs through these
 * tables instead of each process's memory (see shared-state/shared-state.schema.ts). Times are
 * epoch milliseconds: `double precision` on PostgreSQL (read back as numbers), `real` on SQLite.
 */
import { dialectOf, type AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  const ms = dialectOf(db) === "postgres" ? "double precision" : "real";
  await db.schema
    .createTable("server_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("login_failures")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("since_ms", ms, (c) => c.notNull())
    .addColumn("last_ms", ms, (c) => c.notNull())
    .addPrimaryKeyConstraint("login_failures_pk", ["scope", "key"])
    .execute();
  await db.schema
    .createIndex("login_failures_last")
    .on("login_failures")
    .column("last_ms")
    .execute();
  await db.schema
    .createTable("used_challenges")
    .addColumn("signature", "text", (c) => c.primaryKey())
    .addColumn("expires_ms", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("used_challenges_expiry")
    .on("used_challenges")
    .column("expires_ms")
    .execute();
  await db.schema
    .createTable("rate_hits")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("at_ms", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rate_hits_key")
    .on("rate_hits")
    .columns(["bucket", "key", "at_ms"])
    .execute();
  await db.schema.createIndex("rate_hits_at").on("rate_hits").column("at_ms").execute();
  await db.schema
    .createTable("job_runs")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("until_ms", ms, (c) => c.notNull())
    .addColumn("finished_ms", ms)
    .addPrimaryKeyConstraint("job_runs_pk", ["name", "day"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "job_runs",
    "rate_hits",
    "used_challenges",
    "login_failures",
    "server_secrets",
  ])
    await db.schema.dropTable(table).execute();
}
