import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase, SQLITE_FILE_NAME } from "./connection.js";
import { migrateToLatest } from "./migrate.js";

describe("openDatabase", () => {
  it("creates the SQLite file in the data folder, in WAL mode with foreign keys on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "giamsat-db-"));
    try {
      const handle = openDatabase({ dataDir: join(dir, "data") });
      expect(handle.dialect).toBe("sqlite");
      const applied = (await migrateToLatest(handle.db)).applied;
      expect(applied[0]).toBe("0001-initial");
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`PRAGMA ${name}`).execute(handle.db)).rows[0] as object)[0];
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("foreign_keys")).toBe(1);
      expect(await pragma("synchronous")).toBe(1); // NORMAL
      await handle.close();
      expect(existsSync(join(dir, "data", SQLITE_FILE_NAME))).toBe(true);
      const reopened = openDatabase({ dataDir: join(dir, "data") });
      expect((await migrateToLatest(reopened.db)).applied).toEqual([]);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a URL that is not PostgreSQL", () => {
    expect(() => openDatabase({ url: "mysql://u@h/db" })).toThrow(/postgres:\/\//);
  });
});
