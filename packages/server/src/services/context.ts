import type { Database, DialectName, PoolStats } from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Config } from "../config.js";

/** What every service needs: the database, its dialect and the configuration. */
export type Ctx = {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
  /** PostgreSQL's pool figures for /metrics (SQLite has no pool) */
  poolStats?: () => PoolStats;
};

export const nowIso = (): string => new Date().toISOString();
