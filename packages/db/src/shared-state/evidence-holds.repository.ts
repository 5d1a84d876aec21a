/**
 * Holds on stored evidence files. Files are stored once per content, so two requests — on any of
 * the servers sharing the database — may store the same file for reports not yet saved. A
 * request whose report is not saved removes a file it created only when no other request holds
 * it and no saved row refers to it; the check and the removal run under a lock on the file that
 * taking a hold waits for, so a hold taken meanwhile either keeps the file or comes after its
 * removal (and its store then writes the file again). A hold of a server that stopped expires.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import { isEvidenceFileReferenced } from "../repositories/evidence.repository.js";
import type { Database } from "../schema.js";
import { inTransaction } from "../transaction.js";

type Db = Kysely<Database>;

/** How long a hold outlives a server that stopped before releasing it. */
export const EVIDENCE_HOLD_MS = 60 * 60 * 1000;

/** PostgreSQL: the file's transaction lock; SQLite has one writer, whose transaction is the lock. */
async function lockFile(trx: Transaction<Database>, storagePath: string): Promise<void> {
  if (dialectOf(trx) === "postgres")
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`evidence:${storagePath}`}))`.execute(trx);
}

/** Holds the file (before it is stored) and forgets the file's expired holds; the hold's id. */
export async function holdEvidenceFile(
  db: Db,
  storagePath: string,
  nowMs: number,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    await lockFile(trx, storagePath);
    await trx
      .deleteFrom("evidence_holds")
      .where("storage_path", "=", storagePath)
      .where("until_ms", "<", nowMs)
      .execute();
    const row = await trx
      .insertInto("evidence_holds")
      .values({ storage_path: storagePath, until_ms: nowMs + EVIDENCE_HOLD_MS })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/**
 * Ends hold `id` on the file. When `removeIfUnused` is given (the request created the file and
 * its report was not saved), it runs in the lock's transaction unless another live hold or a
 * saved evidence or feedback row keeps the file.
 */
export async function releaseEvidenceFile(
  db: Db,
  hold: { id: number; storagePath: string },
  nowMs: number,
  removeIfUnused?: (trx: Db) => Promise<void>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await lockFile(trx, hold.storagePath);
    await trx.deleteFrom("evidence_holds").where("id", "=", hold.id).execute();
    if (!removeIfUnused) return;
    const held = await trx
      .selectFrom("evidence_holds")
      .select("id")
      .where("storage_path", "=", hold.storagePath)
      .where("until_ms", ">=", nowMs)
      .limit(1)
      .executeTakeFirst();
    if (held || (await isEvidenceFileReferenced(trx, hold.storagePath))) return;
    await removeIfUnused(trx);
  });
}
