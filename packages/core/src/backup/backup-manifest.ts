/**
 * The manifest of a backup archive (`manifest.json` at its root): what was saved, from which
 * program and schema, and what a restore must find again — the row count of every table and the
 * SHA-256 of the database file and of every evidence or uploaded file.
 */
import { z } from "zod";

export const BACKUP_FORMAT = "giamsat-backup";
export const BACKUP_FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A path inside the archive: relative, forward slashes, no `..`. */
const archivePath = z
  .string()
  .regex(/^(evidence|imports)\/[^\0]+$/)
  .refine((p) => !p.split("/").includes(".."), "đường dẫn không được chứa ..");

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** the program version that wrote it */
  appVersion: z.string(),
  createdAt: z.string(),
  dialect: z.enum(["sqlite", "postgres"]),
  /** the last migration applied to the saved database */
  migration: z.string(),
  /** the database file inside the archive (`database.sqlite` or `database.pgdump`) */
  database: z.object({ path: z.string(), size: z.number().int(), sha256 }),
  /** rows per table at the moment of the snapshot */
  counts: z.record(z.string(), z.number().int().min(0)),
  files: z.array(z.object({ path: archivePath, size: z.number().int().min(0), sha256 })),
  /**
   * where the evidence files were kept: `local` — in the archive, listed in `files`;
   * `database` — inside the PostgreSQL dump (evidence_blobs, evidence_chunks), not repeated
   */
  evidenceStore: z.enum(["local", "database"]).default("local"),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** The differences between the counts saved in a manifest and those found after a restore. */
export function countMismatches(
  expected: Record<string, number>,
  actual: Record<string, number>,
): string[] {
  const tables = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return tables
    .filter((t) => expected[t] !== actual[t])
    .map(
      (t) =>
        `bảng ${t}: bản sao lưu có ${expected[t] ?? "(không có bảng)"}, sau khôi phục có ${actual[t] ?? "(không có bảng)"}`,
    );
}
