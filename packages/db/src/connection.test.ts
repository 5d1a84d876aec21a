import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
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

  it("makes the data folder 0700 and the database, -wal and -shm files 0600", async () => {
    const root = mkdtempSync(join(tmpdir(), "giamsat-mode-"));
    const dir = join(root, "data");
    const previous = process.umask(0o022);
    try {
      const handle = openDatabase({ dataDir: dir });
      await migrateToLatest(handle.db);
      const mode = (f: string) => statSync(f).mode & 0o777;
      expect(mode(dir)).toBe(0o700);
      for (const suffix of ["", "-wal", "-shm"]) {
        expect(mode(join(dir, SQLITE_FILE_NAME + suffix))).toBe(0o600);
      }
      await handle.close();
    } finally {
      process.umask(previous);
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("refuses a URL that is not PostgreSQL", () => {
    expect(() => openDatabase({ url: "mysql://u@h/db" })).toThrow(/postgres:\/\//);
  });
});
