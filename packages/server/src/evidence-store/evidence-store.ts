/**
 * Where evidence files (and public-feedback attachments) are kept, behind one interface:
 * - `local` (default): `<dataDir>/evidence/<aa>/<sha256>` on this server's disk;
 * - `database`: chunked rows of PostgreSQL (evidence_blobs, evidence_chunks), so that several
 *   `giamsat serve` processes on one database serve every file without a shared disk.
 * Both are content-addressed: a file is stored once under its SHA-256, and its key — the
 * `storage_path` the rows keep, `evidence/<aa>/<sha256>` — is the same in both, so moving files
 * between stores (`giamsat evidence migrate`) changes no row.
 */
import type { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { Database } from "@giamsat/db";
import type { Config } from "../config.js";
import { databaseEvidenceStore } from "./database-evidence-store.js";
import { folderEvidenceStore } from "./folder-evidence-store.js";

export type EvidenceStoreKind = "local" | "database";

/** A file to store: where its bytes are now, with the size and hash measured as they arrived. */
export type EvidenceSource = { path: string; size: number; sha256: string };

export interface EvidenceStore {
  readonly kind: EvidenceStoreKind;
  /**
   * Stores the file under its hash, durably; false when that content was stored already. The
   * folder store moves the source file (same file system), the database store copies it.
   */
  put(source: EvidenceSource, mime: string): Promise<boolean>;
  /** The stored bytes, streamed; NotFoundError when the file is not stored. */
  get(storagePath: string): Promise<Readable>;
  /** The stored file's size; undefined when it is not stored. */
  size(storagePath: string): Promise<number | undefined>;
  delete(storagePath: string): Promise<void>;
  /** Every stored file, in key order (for backups and moves between stores). */
  list(): AsyncIterable<{ storagePath: string; size: number }>;
}

/** The store of the given kind for this data folder and database. */
export function evidenceStore(
  kind: EvidenceStoreKind,
  where: { config: Pick<Config, "dataDir">; db: Kysely<Database> },
): EvidenceStore {
  return kind === "database"
    ? databaseEvidenceStore(where.db)
    : folderEvidenceStore(where.config.dataDir);
}

/** The configured store (GIAMSAT_EVIDENCE_STORE). */
export function evidenceStoreOf(ctx: {
  config: Pick<Config, "dataDir" | "evidenceStore">;
  db: Kysely<Database>;
}): EvidenceStore {
  return evidenceStore(ctx.config.evidenceStore, ctx);
}
