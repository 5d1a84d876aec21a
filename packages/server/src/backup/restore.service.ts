/**
 * `giamsat restore FILE`: a backup archive into an empty data folder (SQLite) or an empty
 * database (PostgreSQL, DATABASE_URL) — never over data that exists. Before anything is put in
 * place every file's SHA-256 and size is checked against the manifest; then the database is
 * restored (SQLite: the file, after `PRAGMA integrity_check` and `foreign_key_check`;
 * PostgreSQL: pg_restore in one transaction), its rows per table are counted and compared with
 * the manifest, and each evidence row must point to a restored file with its recorded SHA-256
 * (with the database evidence store, a blob of the restored database, read back and hashed).
 * The target must use the backup's evidence store (GIAMSAT_EVIDENCE_STORE). A failed restore
 * leaves the data folder empty again.
 */
import { existsSync } from "node:fs";
import { readFile, readdir, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import {
  backupManifestSchema,
  countMismatches,
  DomainError,
  type BackupManifest,
} from "@giamsat/core";
import {
  SQLITE_FILE_NAME,
  knownMigrations,
  openDatabase,
  referencedEvidence,
  sqliteProblems,
  tableCounts,
  tableNames,
  type DatabaseHandle,
} from "@giamsat/db";
import type { Config } from "../config.js";
import { databaseEvidenceStore } from "../evidence-store/database-evidence-store.js";
import { sha256Of } from "../evidence-store/evidence-key.js";
import { sha256OfStream } from "../evidence-store/evidence-hash.js";
import type { EvidenceStore } from "../evidence-store/evidence-store.js";
import { hashedFile, restrictModes } from "./backup.files.js";
import { pgEnvironment, pgProgram, runProgram } from "./backup.programs.js";

export type RestoreOutcome = { manifest: BackupManifest; rows: number };

const refuse = (message: string) => new DomainError("validation", message);

async function ensureEmptyTargets(config: Config): Promise<void> {
  const entries = await readdir(config.dataDir).catch(() => [] as string[]);
  if (entries.length) {
    throw refuse(
      `Thư mục dữ liệu ${config.dataDir} không trống (có ${entries.length} mục): chỉ khôi phục vào một thư mục trống, để không ghi đè dữ liệu đang có. Hãy đặt GIAMSAT_DATA_DIR là một thư mục mới.`,
    );
  }
  if (!config.database.url) return;
  const handle = openDatabase({ url: config.database.url, poolSize: 1 });
  try {
    const tables = await tableNames(handle.db, "postgres");
    if (tables.length) {
      throw refuse(
        `Cơ sở dữ liệu PostgreSQL đích không trống (có ${tables.length} bảng, ví dụ ${tables[0]}): chỉ khôi phục vào một cơ sở dữ liệu mới tạo, để không ghi đè dữ liệu đang có.`,
      );
    }
  } finally {
    await handle.close();
  }
}

async function readManifest(staging: string, config: Config): Promise<BackupManifest> {
  const text = await readFile(path.join(staging, "manifest.json"), "utf8").catch(() => "");
  const parsed = backupManifestSchema.safeParse(safeJson(text));
  if (!parsed.success)
    throw refuse("Tệp này không phải bản sao lưu của Giám sát (thiếu hoặc hỏng manifest.json).");
  const manifest = parsed.data;
  const dialect = config.database.url ? "postgres" : "sqlite";
  if (manifest.dialect !== dialect) {
    throw refuse(
      `Bản sao lưu này là của ${manifest.dialect === "sqlite" ? "SQLite" : "PostgreSQL"}, còn cấu hình hiện tại dùng ${dialect === "sqlite" ? "SQLite (không đặt DATABASE_URL)" : "PostgreSQL (DATABASE_URL)"}.`,
    );
  }
  if (manifest.evidenceStore !== config.evidenceStore) {
    throw refuse(
      `Bản sao lưu này giữ tệp minh chứng ${manifest.evidenceStore === "database" ? "trong cơ sở dữ liệu (GIAMSAT_EVIDENCE_STORE=database)" : "trong thư mục dữ liệu (GIAMSAT_EVIDENCE_STORE=local)"}, còn cấu hình hiện tại dùng kho ${config.evidenceStore}: hãy khôi phục với cùng kho, rồi chuyển bằng «giamsat evidence migrate» nếu cần.`,
    );
  }
  if (!(await knownMigrations()).includes(manifest.migration)) {
    throw refuse(
      `Bản sao lưu được tạo bởi phiên bản mới hơn (migration ${manifest.migration}, chương trình ${manifest.appVersion}): hãy cài phiên bản đó để khôi phục.`,
    );
  }
  return manifest;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every file of the archive as the manifest says: the problems found. */
async function fileProblems(staging: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  for (const expected of [manifest.database, ...manifest.files]) {
    const found = await hashedFile(staging, expected.path);
    if (!found) problems.push(`thiếu tệp ${expected.path}`);
    else if (found.sha256 !== expected.sha256 || found.size !== expected.size) {
      problems.push(`tệp ${expected.path} không khớp mã băm SHA-256 trong manifest`);
    }
  }
  return problems;
}

async function restoreDatabase(
  config: Config,
  staging: string,
  manifest: BackupManifest,
): Promise<DatabaseHandle> {
  const dump = path.join(staging, manifest.database.path);
  const url = config.database.url;
  if (!url) {
    const problems = sqliteProblems(dump);
    if (problems.length)
      throw refuse(`Cơ sở dữ liệu trong bản sao lưu bị hỏng: ${problems.slice(0, 5).join("; ")}`);
    await rename(dump, path.join(config.dataDir, SQLITE_FILE_NAME));
    return openDatabase(config.database);
  }
  const env = pgEnvironment(url);
  await runProgram(
    pgProgram("pg_restore"),
    [
      "--exit-on-error",
      "--single-transaction",
      "--no-owner",
      "--no-privileges",
      `--dbname=${env.PGDATABASE}`,
      dump,
    ],
    env,
  );
  return openDatabase({ url, poolSize: 2 });
}

/** What the restored database holds against the manifest: the problems found. */
async function databaseProblems(
  handle: DatabaseHandle,
  manifest: BackupManifest,
): Promise<{ problems: string[]; rows: number }> {
  const counts = await tableCounts(handle.db, handle.dialect);
  const referenced = await referencedEvidence(handle.db);
  const restored =
    manifest.evidenceStore === "database"
      ? await storedHashes(
          databaseEvidenceStore(handle.db),
          referenced.map((e) => e.storagePath),
        )
      : new Map(manifest.files.map((f) => [f.path, f.sha256]));
  const unmatched = referenced.filter((e) => {
    const hash = restored.get(e.storagePath);
    return (
      hash === undefined ||
      hash !== sha256Of(e.storagePath) ||
      (e.sha256 !== null && e.sha256 !== hash)
    );
  });
  return {
    problems: [
      ...countMismatches(manifest.counts, counts),
      ...unmatched
        .slice(0, 5)
        .map((e) =>
          restored.has(e.storagePath)
            ? `minh chứng ${e.storagePath}: mã băm trong cơ sở dữ liệu khác tệp đã khôi phục`
            : `minh chứng ${e.storagePath} có trong cơ sở dữ liệu nhưng thiếu tệp`,
        ),
    ],
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

/** The SHA-256 of each of `paths` that `store` holds, read back from it. */
async function storedHashes(store: EvidenceStore, paths: string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const p of new Set(paths)) {
    if ((await store.size(p)) === undefined) continue;
    hashes.set(p, await sha256OfStream(await store.get(p)));
  }
  return hashes;
}

export async function restoreBackup(config: Config, archive: string): Promise<RestoreOutcome> {
  if (!existsSync(archive)) throw refuse(`Không có tệp ${archive}.`);
  await ensureEmptyTargets(config);
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const staging = path.join(config.dataDir, `.khoi-phuc-${process.pid}`);
  let restored = false;
  try {
    await mkdir(staging, { mode: 0o700 });
    await runProgram("tar", [
      "--extract",
      `--file=${path.resolve(archive)}`,
      `--directory=${staging}`,
      "--no-same-owner",
    ]).catch(() => {
      throw refuse(`Không đọc được ${archive}: tệp không phải bản sao lưu tar hoặc đã hỏng.`);
    });
    const manifest = await readManifest(staging, config);
    const broken = await fileProblems(staging, manifest);
    if (broken.length)
      throw refuse(
        `Bản sao lưu hỏng: ${broken.slice(0, 5).join("; ")}${broken.length > 5 ? `; và ${broken.length - 5} lỗi khác` : ""}.`,
      );
    const handle = await restoreDatabase(config, staging, manifest);
    let result: { problems: string[]; rows: number };
    try {
      result = await databaseProblems(handle, manifest);
    } finally {
      await handle.close();
    }
    if (result.problems.length) {
      throw refuse(
        `Dữ liệu khôi phục không khớp bản sao lưu: ${result.problems.join("; ")}. Đừng dùng dữ liệu này.`,
      );
    }
    for (const folder of ["evidence", "imports"]) {
      await rename(path.join(staging, folder), path.join(config.dataDir, folder)).catch(
        (e: NodeJS.ErrnoException) => {
          if (e.code !== "ENOENT") throw e;
        },
      );
    }
    await rm(staging, { recursive: true, force: true });
    await restrictModes(config.dataDir);
    restored = true;
    return { manifest, rows: result.rows };
  } finally {
    if (!restored) await emptyFolder(config.dataDir);
  }
}

async function emptyFolder(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    await rm(path.join(dir, name), { recursive: true, force: true });
  }
}
