/**
 * Opens the database: PostgreSQL when a `postgres://` URL is given (DATABASE_URL), otherwise the
 * embedded SQLite file `giamsat.sqlite` in the data folder (GIAMSAT_DATA_DIR, default ./data).
 *
 * SQLite runs in WAL mode with `synchronous=NORMAL`: a commit appends to the WAL file with a
 * write(2) before better-sqlite3 returns, so the data is in the operating system's page cache
 * and survives the process being killed (SIGKILL) at any point; only an OS crash or power loss
 * can lose the last commits (the database stays consistent either way). Pass
 * `synchronous: "FULL"` (the server's GIAMSAT_SQLITE_SYNC=FULL) to fsync the WAL on every commit too.
 *
 * The data folder is made readable by its owner only (0700), and the database file with its
 * `-wal`/`-shm` companions 0600, whatever the umask.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";
import { preparingStatements } from "./pg-prepared-statements.js";
import { cachingStatements } from "./sqlite-statement-cache.js";

export type DialectName = "sqlite" | "postgres";

export interface OpenDatabaseOptions {
  /** `postgres://…` (DATABASE_URL); when absent, SQLite is used */
  url?: string;
  /** folder of the SQLite file (GIAMSAT_DATA_DIR), default `./data` */
  dataDir?: string;
  /** SQLite file path, overriding dataDir; `":memory:"` for a private in-memory database */
  sqliteFile?: string;
  /** SQLite durability; default NORMAL (see above) */
  synchronous?: "NORMAL" | "FULL";
  /** PostgreSQL pool size, default 10 */
  poolSize?: number;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
  /** PostgreSQL: the pool's open and idle connections and the queries waiting for one */
  poolStats?: () => PoolStats;
}

export type PoolStats = { total: number; idle: number; waiting: number };

export const SQLITE_FILE_NAME = "giamsat.sqlite";

export function openDatabase(options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (options.url) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new Error(`DATABASE_URL phải bắt đầu bằng postgres:// (nhận được: ${options.url})`);
    }
    return openPostgres(options.url, options.poolSize ?? 10);
  }
  return openSqlite(options);
}

function openSqlite(options: OpenDatabaseOptions): DatabaseHandle {
  let file = options.sqliteFile;
  if (!file) {
    const dir = path.resolve(options.dataDir ?? "data");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    file = path.join(dir, SQLITE_FILE_NAME);
  }
  if (file !== ":memory:") closeSync(openSync(file, "a", 0o600));
  const database = new SqliteDatabase(file);
  if (file !== ":memory:") {
    database.pragma("journal_mode = WAL");
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  }
  database.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(database) }),
  });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

function openPostgres(url: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // COUNT(*) and SUM() come back as int8/numeric: read them as JavaScript numbers, for this
    // pool only (values stay far below 2^53).
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that the server closes (restart, DROP DATABASE … WITH (FORCE), admin
  // shutdown 57P01) must not crash the process: the pool replaces it on next use.
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error(`PostgreSQL: ${error.message}`);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingStatements(pool) }),
  });
  return {
    db,
    dialect: "postgres",
    close: () => db.destroy(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}
