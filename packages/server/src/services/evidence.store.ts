import { open, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { DomainError } from "@giamsat/core";
import { holdEvidenceFile, releaseEvidenceFile, type Database } from "@giamsat/db";
import type { Kysely } from "kysely";
import { storagePathOf } from "../evidence-store/evidence-key.js";
import { evidenceStore, evidenceStoreOf } from "../evidence-store/evidence-store.js";
import type { Config } from "../config.js";
import { tooLarge } from "./size-limit.js";

/** The bytes read from a file's start to check its type (enough for any magic number below). */
const HEAD_BYTES = 16;

/** Accepted evidence file types: extension → MIME type and the magic bytes the content starts with. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const TYPES: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: ZIP,
  },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: ZIP },
  odt: { mime: "application/vnd.oasis.opendocument.text", magic: ZIP },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", magic: ZIP },
  zip: { mime: "application/zip", magic: ZIP },
  doc: { mime: "application/msword", magic: OLE },
  xls: { mime: "application/vnd.ms-excel", magic: OLE },
  png: { mime: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpg: { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
};

export const EVIDENCE_EXTENSIONS = Object.keys(TYPES);

export type StoredFile = {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storagePath: string;
  /** this request made the file (it was not stored before) */
  created: boolean;
  /** the request's hold on the file (see `releaseEvidence`) */
  holdId: number;
};

/** What storing evidence needs: the database (holds) and the configured store. */
type EvidenceCtx = { db: Kysely<Database>; config: Pick<Config, "dataDir" | "evidenceStore"> };

/**
 * Checks an uploaded file's name and first bytes: a whitelisted extension whose magic bytes
 * match (called as the file streams in, so a wrong type is refused before the rest is read).
 */
export function checkEvidenceStart(fileName: string, head: Buffer): { mime: string } {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const type = TYPES[ext];
  if (!type) {
    throw new DomainError(
      "unsupported_type",
      `Tệp "${fileName}": loại tệp không được chấp nhận. Chỉ nhận: ${EVIDENCE_EXTENSIONS.join(", ")}.`,
    );
  }
  if (head.length === 0) throw new DomainError("validation", `Tệp "${fileName}" rỗng.`);
  if (!type.magic.every((byte, i) => head[i] === byte)) {
    throw new DomainError(
      "unsupported_type",
      `Tệp "${fileName}": nội dung không đúng định dạng .${ext} (tệp có thể bị đổi đuôi hoặc hỏng).`,
    );
  }
  return { mime: type.mime };
}

/** Checks a received file (name, type, size) before it is stored. */
export async function checkEvidenceFile(file: UploadedEvidence, maxBytes: number): Promise<string> {
  if (file.size > maxBytes) throw tooLarge(`Tệp "${file.fileName}"`, maxBytes);
  const handle = await open(file.path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return checkEvidenceStart(file.fileName, buffer.subarray(0, bytesRead)).mime;
  } finally {
    await handle.close();
  }
}

/** A file name safe to store and to send back: no folders, no control characters. */
export function safeFileName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, "/"))
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  return (base || "tep").slice(0, 200);
}

/** A received evidence file: a temporary file with its size and hash (see `withUpload`). */
export type UploadedEvidence = { fileName: string; path: string; size: number; sha256: string };

/**
 * Puts a received file into the evidence store (content-addressed: the same file uploaded twice
 * is stored once). `created` says whether this call stored it. The file is held — in the
 * database, for every server — until `releaseEvidence`.
 */
export async function storeEvidenceFile(
  ctx: EvidenceCtx,
  file: UploadedEvidence,
  mime: string,
): Promise<StoredFile> {
  const storagePath = storagePathOf(file.sha256);
  const holdId = await holdEvidenceFile(ctx.db, storagePath, Date.now());
  try {
    const created = await evidenceStoreOf(ctx).put(file, mime);
    return {
      fileName: safeFileName(file.fileName),
      mime,
      size: file.size,
      sha256: file.sha256,
      storagePath,
      created,
      holdId,
    };
  } catch (error) {
    await releaseEvidenceFile(ctx.db, { id: holdId, storagePath }, Date.now());
    throw error;
  }
}

/**
 * Ends a request's holds on the files it stored. When its report was not saved, the files it
 * created are removed unless a request on any server holds them or a saved report refers to
 * them, so a failed request leaves nothing and never takes another's file.
 */
export async function releaseEvidence(
  ctx: EvidenceCtx,
  stored: readonly StoredFile[],
  saved: boolean,
): Promise<void> {
  for (const file of stored) {
    const hold = { id: file.holdId, storagePath: file.storagePath };
    const remove =
      saved || !file.created
        ? undefined
        : (trx: Kysely<Database>) =>
            evidenceStore(ctx.config.evidenceStore, { config: ctx.config, db: trx }).delete(
              file.storagePath,
            );
    await releaseEvidenceFile(ctx.db, hold, Date.now(), remove);
  }
}

/**
 * Removes the temporary files a store cut short left behind (`*.tmp` under `<dataDir>/evidence`:
 * a process killed between writing and renaming). Run at start, before any upload is taken.
 */
export async function removeStaleTempFiles(dataDir: string): Promise<number> {
  const root = path.join(dataDir, "evidence");
  const folders = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const folder of folders) {
    const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".tmp"))) {
      await rm(path.join(root, folder, name), { force: true });
      removed++;
    }
  }
  return removed;
}
