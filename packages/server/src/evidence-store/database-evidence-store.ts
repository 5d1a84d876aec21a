/**
 * The evidence store in PostgreSQL (GIAMSAT_EVIDENCE_STORE=database): chunked bytea rows
 * (migration 0041), written in one transaction per file and read one chunk per query, so that
 * no more than a chunk of a file is ever in memory. Chosen over large objects: node-postgres
 * and Kysely bind and return bytea as Buffers with no extension, rows are removed with a plain
 * DELETE (a large object needs lo_unlink and outlives its referring row otherwise), and
 * pg_dump carries them like any table.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import { NotFoundError } from "@giamsat/core";
import {
  deleteEvidenceBlob,
  evidenceBlobsAfter,
  evidenceChunk,
  findEvidenceBlob,
  insertEvidenceBlob,
  type Database,
} from "@giamsat/db";
import { sha256Of, storagePathOf } from "./evidence-key.js";
import type { EvidenceStore } from "./evidence-store.js";

/** Bytes per stored chunk. */
export const EVIDENCE_CHUNK_BYTES = 1024 * 1024;

/** Blobs read per query when listing. */
const LIST_PAGE = 1000;

export function databaseEvidenceStore(db: Kysely<Database>): EvidenceStore {
  return {
    kind: "database",
    async put(source, mime) {
      if (await findEvidenceBlob(db, source.sha256)) return false;
      const chunks = createReadStream(source.path, { highWaterMark: EVIDENCE_CHUNK_BYTES });
      return insertEvidenceBlob(db, { sha256: source.sha256, size: source.size, mime }, chunks);
    },
    async get(storagePath) {
      const sha256 = sha256Of(storagePath);
      if (!(await findEvidenceBlob(db, sha256))) {
        throw new NotFoundError(
          `Tệp ${storagePath} không có trong kho minh chứng của cơ sở dữ liệu.`,
        );
      }
      return Readable.from(
        (async function* () {
          for (let seq = 0; ; seq++) {
            const bytes = await evidenceChunk(db, sha256, seq);
            if (!bytes) return;
            yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          }
        })(),
      );
    },
    async size(storagePath) {
      return (await findEvidenceBlob(db, sha256Of(storagePath)))?.size;
    },
    async delete(storagePath) {
      await deleteEvidenceBlob(db, sha256Of(storagePath));
    },
    async *list() {
      for (let after = ""; ;) {
        const page = await evidenceBlobsAfter(db, after, LIST_PAGE);
        for (const blob of page) yield { storagePath: storagePathOf(blob.sha256), size: blob.size };
        if (page.length < LIST_PAGE) return;
        after = page[page.length - 1]!.sha256;
      }
    },
  };
}
