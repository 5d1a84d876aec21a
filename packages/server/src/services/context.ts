import type { Database, DialectName } from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Config } from "../config.js";

/** What every service needs: the database, its dialect and the configuration. */
export type Ctx = {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
};

/** Today's date (UTC+7, Vietnam's only time zone) as YYYY-MM-DD. */
export function today(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const nowIso = (): string => new Date().toISOString();
