/** Runs the migrations (migrations/index.ts) up to the latest; used by `giamsat migrate`/`serve`. */
import { Migrator } from "kysely";
import type { Kysely } from "kysely";
import { migrationProvider } from "./migrations/index.js";
import type { Database } from "./schema.js";

export interface MigrationOutcome {
  /** names of the migrations applied by this call, in order */
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Không chạy được migration ${failed ?? ""}: ${reason}`.replace("  ", " "));
  }
  return {
    applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
  };
}

/** The names of the migrations this program knows, in order (a backup from a newer one is not). */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}
