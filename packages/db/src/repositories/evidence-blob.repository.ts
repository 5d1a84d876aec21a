/**
 * The database evidence store's rows (0041): a blob per SHA-256, its bytes in chunks. A blob is
 * written with its chunks in one transaction, so one that exists is complete; the same content
 * written twice at once is stored once (the second waits on the first's key, then finds it).
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type EvidenceBlob = { sha256: string; size: number; mime: string };

/** Runs `fn` in a transaction, or in the one `db` already is. */
function inOwnTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Stores a blob and its chunks, in order; false (nothing written) when the blob is stored
 * already.
 */
export async function insertEvidenceBlob(
  db: Db,
  blob: EvidenceBlob,
  chunks: AsyncIterable<Uint8Array>,
): Promise<boolean> {
  return inOwnTransaction(db, async (trx) => {
    const created = await trx
      .insertInto("evidence_blobs")
      .values(blob)
      .onConflict((oc) => oc.column("sha256").doNothing())
      .returning("sha256")
      .executeTakeFirst();
    if (!created) return false;
    let seq = 0;
    for await (const bytes of chunks) {
      await trx.insertInto("evidence_chunks").values({ sha256: blob.sha256, seq, bytes }).execute();
      seq++;
    }
    return true;
  });
}

export async function findEvidenceBlob(db: Db, sha256: string): Promise<EvidenceBlob | undefined> {
  return db
    .selectFrom("evidence_blobs")
    .select(["sha256", "size", "mime"])
    .where("sha256", "=", sha256)
    .executeTakeFirst();
}

/** Chunk `seq` of a blob; undefined past its last chunk. */
export async function evidenceChunk(
  db: Db,
  sha256: string,
  seq: number,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom("evidence_chunks")
    .select("bytes")
    .where("sha256", "=", sha256)
    .where("seq", "=", seq)
    .executeTakeFirst();
  return row?.bytes;
}

export async function deleteEvidenceBlob(db: Db, sha256: string): Promise<void> {
  await inOwnTransaction(db, async (trx) => {
    await trx.deleteFrom("evidence_blobs").where("sha256", "=", sha256).execute();
    await trx.deleteFrom("evidence_chunks").where("sha256", "=", sha256).execute();
  });
}

/** Up to `limit` blobs in hash order after `after` (paging through every stored file). */
export async function evidenceBlobsAfter(
  db: Db,
  after: string,
  limit: number,
): Promise<EvidenceBlob[]> {
  return db
    .selectFrom("evidence_blobs")
    .select(["sha256", "size", "mime"])
    .where("sha256", ">", after)
    .orderBy("sha256")
    .limit(limit)
    .execute();
}
