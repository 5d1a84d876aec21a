/**
 * `giamsat evidence migrate --to local|database`: copies every file the data refers to (report
 * evidence, feedback attachments) from the other store into `to`. Each file is hashed on its
 * way out of the source (it must match its key) and read back from the target and hashed again;
 * a file the target holds already is only checked, so the command can be run again after an
 * interruption and does nothing new once done. The source keeps its files: the servers can
 * serve from it until they are restarted on the new store (see docs/operations.md).
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import { DomainError } from "@giamsat/core";
import { referencedEvidenceFiles, type Database, type DialectName } from "@giamsat/db";
import type { Config } from "../config.js";
import { uploadTempDir } from "../http/upload-temp.js";
import { sha256Of } from "./evidence-key.js";
import { sha256OfStream } from "./evidence-hash.js";
import { evidenceStore, type EvidenceStore, type EvidenceStoreKind } from "./evidence-store.js";

export type EvidenceMigration = {
  to: EvidenceStoreKind;
  /** files the data refers to */
  total: number;
  copied: number;
  copiedBytes: number;
  /** already in the target store (checked) */
  present: number;
  /** in neither store: the rows name them, no store has them */
  missing: string[];
  /** whose bytes do not hash to their key (in the source, or read back from the target) */
  damaged: string[];
};

/** Writes `stream` to a new temporary file; its path, size and SHA-256. */
async function toTempFile(dataDir: string, stream: Readable) {
  await mkdir(uploadTempDir(dataDir), { recursive: true, mode: 0o700 });
  const file = path.join(uploadTempDir(dataDir), `evidence-${randomBytes(12).toString("hex")}.tmp`);
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(stream, meter, createWriteStream(file, { flags: "wx", mode: 0o600 }));
  return { path: file, size, sha256: hash.digest("hex") };
}

async function copyOne(
  dataDir: string,
  from: EvidenceStore,
  to: EvidenceStore,
  file: { storagePath: string; mime: string },
): Promise<"copied" | "missing" | "damaged"> {
  const temp = await toTempFile(dataDir, await from.get(file.storagePath));
  try {
    if (temp.sha256 !== sha256Of(file.storagePath)) return "damaged";
    await to.put(temp, file.mime);
    return "copied";
  } finally {
    await rm(temp.path, { force: true });
  }
}

export async function migrateEvidence(
  where: { config: Pick<Config, "dataDir">; db: Kysely<Database>; dialect: DialectName },
  to: EvidenceStoreKind,
): Promise<EvidenceMigration> {
  if (to === "database" && where.dialect !== "postgres") {
    throw new DomainError(
      "validation",
      "--to database: kho minh chứng trong cơ sở dữ liệu chỉ dùng được với PostgreSQL (đặt DATABASE_URL).",
    );
  }
  const target = evidenceStore(to, where);
  const source = evidenceStore(to === "database" ? "local" : "database", where);
  const outcome: EvidenceMigration = {
    to,
    total: 0,
    copied: 0,
    copiedBytes: 0,
    present: 0,
    missing: [],
    damaged: [],
  };
  for (const file of await referencedEvidenceFiles(where.db)) {
    outcome.total++;
    let result: "copied" | "present" | "missing" | "damaged" = "present";
    if ((await target.size(file.storagePath)) === undefined) {
      result =
        (await source.size(file.storagePath)) === undefined
          ? "missing"
          : await copyOne(where.config.dataDir, source, target, file);
    }
    if (result === "missing") outcome.missing.push(file.storagePath);
    else if (result === "damaged") outcome.damaged.push(file.storagePath);
    else if (
      (await sha256OfStream(await target.get(file.storagePath))) !== sha256Of(file.storagePath)
    )
      outcome.damaged.push(file.storagePath);
    else if (result === "copied") {
      outcome.copied++;
      outcome.copiedBytes += (await target.size(file.storagePath)) ?? 0;
    } else outcome.present++;
  }
  return outcome;
}
