/** The database a CLI test runs commands on: a data folder (SQLite) or a fresh PostgreSQL one. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "../../../db/src/test-support/index.js";

export type CliDatabase = {
  /** The environment `runCli` passes to the command. */
  env: Record<string, string>;
  /** A temporary folder for the test's files (the SQLite data folder is inside it). */
  tmp: string;
  close(): Promise<void>;
};

export async function openCliDatabase(
  dialect: "sqlite" | "postgres",
  prefix: string,
): Promise<CliDatabase> {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const pg = dialect === "postgres" ? await createTestDatabase("postgres") : undefined;
  return {
    env: {
      GIAMSAT_LOG: "silent",
      ...(pg?.url ? { DATABASE_URL: pg.url } : { GIAMSAT_DATA_DIR: join(tmp, "data") }),
    },
    tmp,
    close: async () => {
      await pg?.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
