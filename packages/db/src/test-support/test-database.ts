/**
 * A fresh, migrated database per test so that tests and test files can run in parallel.
 * SQLite: a private in-memory database. PostgreSQL: a new database created from a migrated
 * template (made once per cluster and migration set, under an advisory lock), dropped on close.
 */
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../connection.js";
import type { DatabaseHandle, DialectName } from "../connection.js";
import { migrateToLatest } from "../migrate.js";
import { migrationProvider } from "../migrations/index.js";

/** A migrated test database; `url` is set for PostgreSQL (to hand to a CLI or server). */
export type TestDatabase = DatabaseHandle & { url?: string };

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const handle = openDatabase({ sqliteFile: ":memory:" });
    await migrateToLatest(handle.db);
    return handle;
  }
  return createPostgresTestDatabase();
}

export async function withTestDatabase<T>(
  dialect: DialectName,
  fn: (handle: TestDatabase) => Promise<T>,
): Promise<T> {
  const handle = await createTestDatabase(dialect);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

function clusterUrl(): string {
  const url = process.env.GIAMSAT_TEST_PG_URL;
  if (!url) throw new Error("GIAMSAT_TEST_PG_URL is not set: no PostgreSQL test cluster");
  return url;
}

function urlForDatabase(name: string): string {
  const url = new URL(clusterUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

let adminPool: pg.Pool | undefined;
function admin(): pg.Pool {
  adminPool ??= new pg.Pool({ connectionString: clusterUrl(), max: 2, allowExitOnIdle: true });
  return adminPool;
}

let templateName: Promise<string> | undefined;

async function migrationFingerprint(): Promise<string> {
  const migrations = await migrationProvider.getMigrations();
  const text = Object.entries(migrations)
    .map(([name, m]) => `${name}\n${m.up.toString()}`)
    .join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

async function ensureTemplate(): Promise<string> {
  const name = `giamsat_tpl_${await migrationFingerprint()}`;
  const client = await admin().connect();
  try {
    await client.query("SELECT pg_advisory_lock(575757)");
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      const building = `${name}_build_${process.pid}`;
      await client.query(`CREATE DATABASE "${building}"`);
      const handle = openDatabase({ url: urlForDatabase(building), poolSize: 1 });
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.close();
      }
      // the migration's connections may take a moment to leave the server
      await retry(() => client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`));
    }
    return name;
  } finally {
    await client.query("SELECT pg_advisory_unlock(575757)");
    client.release();
  }
}

async function retry<T>(fn: () => Promise<T>, attempts = 30): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function createPostgresTestDatabase(): Promise<TestDatabase> {
  templateName ??= ensureTemplate();
  const template = await templateName;
  const name = `giamsat_t_${process.pid}_${randomBytes(6).toString("hex")}`;
  await retry(() => admin().query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = urlForDatabase(name);
  const handle = openDatabase({ url, poolSize: 4 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await admin().query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
