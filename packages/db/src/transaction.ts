import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one — so a
 * service that writes in a transaction can also run as one step of a larger one (several
 * reports sent together are all written or none).
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
