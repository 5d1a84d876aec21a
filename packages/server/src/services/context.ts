import { vietnamDay } from "@giamsat/core";
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
  /** the clock: absent in production (the system's), a fixed instant in tests */
  now?: () => Date;
};

/** "Today" in Vietnam by the context's clock: the default date of every view as of a day. */
export const todayOf = (ctx: Pick<Ctx, "now">): string => vietnamDay(nowOf(ctx));

/** The instant by the context's clock: what a write records as its time. */
export const nowOf = (ctx: Pick<Ctx, "now">): Date => ctx.now?.() ?? new Date();

export const nowIso = (ctx: Pick<Ctx, "now">): string => nowOf(ctx).toISOString();
