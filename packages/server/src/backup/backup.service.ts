/**
 * `giamsat backup --out FILE`: one tar archive holding a consistent copy of the database, the
 * evidence files its reports point to, the plan documents waiting for import, and
 * `manifest.json` (program version, migration level, rows per table, SHA-256 of every file).
 * Taken while the server runs:
 * - SQLite: the online backup API copies the database file page by page; the census (rows,
 *   evidence list) is read from that copy.
 * - PostgreSQL: a REPEATABLE READ transaction exports its snapshot; pg_dump (custom format)
 *   dumps exactly that snapshot and the census is read inside the same transaction.
 * Evidence files are content-addressed and written before the row that points to them is
 * committed, so every file the snapshot names is stored; its hash is checked on the way. With
 * the database evidence store (GIAMSAT_EVIDENCE_STORE=database) the files are rows of the dump
 * already: the archive does not repeat them, the census only checks each one is there.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DomainError,
  type BackupManifest,
} from "@giamsat/core";
import {
  SQLITE_FILE_NAME,
  migrationLevel,
  openDatabase,
  referencedEvidence,
  snapshotSqlite,
  tableCounts,
  withExportedSnapshot,
  type Database,
  type DialectName,
} from "@giamsat/db";
import type { Config } from "../config.js";
import { databaseEvidenceStore } from "../evidence-store/database-evidence-store.js";
import { APP_VERSION } from "../version.js";
import { hashedFile, uploadedPlanFiles, type HashedFile } from "./backup.files.js";
import { pgEnvironment, pgProgram, runProgram } from "./backup.programs.js";

type Census = Pick<BackupManifest, "migration" | "counts"> & { evidence: string[] };

async function census(db: Kysely<Database>, dialect: DialectName): Promise<Census> {
  return {
    migration: await migrationLevel(db),
    counts: await tableCounts(db, dialect),
    evidence: (await referencedEvidence(db)).map((e) => e.storagePath),
  };
}

/** The referenced files the database store of the snapshot `db` does not hold. */
async function missingFromDatabaseStore(db: Kysely<Database>, paths: string[]): Promise<string[]> {
  const stored = new Set<string>();
  for await (const file of databaseEvidenceStore(db).list()) stored.add(file.storagePath);
  return paths.filter((p) => !stored.has(p));
}

function refuseMissing(missing: string[], where: string): DomainError {
  return new DomainError(
    "validation",
    `Thiếu ${missing.length} tệp minh chứng trong ${where} (ví dụ ${missing.slice(0, 3).join(", ")}): bản sao lưu không được tạo.`,
  );
}

/** Writes the database copy into `staging` and returns its census. */
async function dumpDatabase(config: Config, staging: string, file: string): Promise<Census> {
  const url = config.database.url;
  if (!url) {
    const live = path.join(config.dataDir, SQLITE_FILE_NAME);
    if (!existsSync(live)) {
      throw new DomainError("validation", `Không có cơ sở dữ liệu SQLite ở ${live}.`);
    }
    await snapshotSqlite(live, path.join(staging, file));
    const copy = openDatabase({ sqliteFile: path.join(staging, file) });
    try {
      return await census(copy.db, "sqlite");
    } finally {
      await copy.close();
    }
  }
  const handle = openDatabase({ url, poolSize: 1 });
  try {
    return await withExportedSnapshot(handle.db, async (db, snapshotId) => {
      await runProgram(
        pgProgram("pg_dump"),
        ["--format=custom", `--snapshot=${snapshotId}`, `--file=${path.join(staging, file)}`],
        pgEnvironment(url),
      );
      const found = await census(db, "postgres");
      if (config.evidenceStore === "database") {
        const missing = await missingFromDatabaseStore(db, found.evidence);
        if (missing.length) throw refuseMissing(missing, "kho minh chứng của cơ sở dữ liệu");
      }
      return found;
    });
  } finally {
    await handle.close();
  }
}

async function hashAll(dataDir: string, paths: string[]): Promise<HashedFile[]> {
  const files: HashedFile[] = [];
  const missing: string[] = [];
  for (const p of [...new Set(paths)].sort()) {
    const file = await hashedFile(dataDir, p);
    if (file) files.push(file);
    else missing.push(p);
  }
  if (missing.length) throw refuseMissing(missing, dataDir);
  const damaged = files.filter(
    (f) => f.path.startsWith("evidence/") && path.basename(f.path) !== f.sha256,
  );
  if (damaged.length) {
    throw new DomainError(
      "validation",
      `${damaged.length} tệp minh chứng không còn đúng nội dung đã lưu (ví dụ ${damaged[0]?.path}): bản sao lưu không được tạo.`,
    );
  }
  return files;
}

export type BackupOutcome = { file: string; manifest: BackupManifest };

export async function createBackup(config: Config, out: string): Promise<BackupOutcome> {
  const target = path.resolve(out);
  if (existsSync(target)) {
    throw new DomainError("conflict", `Tệp ${target} đã có: chọn tên khác, không ghi đè.`);
  }
  const staging = await mkdtemp(path.join(path.dirname(target), ".giamsat-backup-"));
  try {
    const dialect: DialectName = config.database.url ? "postgres" : "sqlite";
    const dbFile = dialect === "sqlite" ? "database.sqlite" : "database.pgdump";
    const found = await dumpDatabase(config, staging, dbFile);
    const inArchive = config.evidenceStore === "local" ? found.evidence : [];
    const files = await hashAll(config.dataDir, [
      ...inArchive,
      ...(await uploadedPlanFiles(config.dataDir)),
    ]);
    const dbHashed = await hashedFile(staging, dbFile);
    if (!dbHashed) throw new Error(`pg_dump/backup không ghi được ${dbFile}`);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
      dialect,
      migration: found.migration,
      database: dbHashed,
      counts: found.counts,
      files,
      evidenceStore: config.evidenceStore,
    };
    await writeFile(path.join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
    const list = path.join(staging, "files.txt");
    await writeFile(list, files.map((f) => `${f.path}\n`).join(""));
    const partial = `${target}.partial`;
    const fromDataDir = files.length
      ? [`--directory=${config.dataDir}`, `--files-from=${list}`]
      : [];
    await runProgram("tar", [
      "--create",
      `--file=${partial}`,
      `--directory=${staging}`,
      "manifest.json",
      dbFile,
      ...fromDataDir,
    ]);
    await rename(partial, target);
    return { file: target, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(`${target}.partial`, { force: true });
  }
}
