/** The public form's guard, shared by every server: used challenges and per-client hits. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/**
 * Records a solved challenge's signature until it expires; false when it was recorded before
 * (by any server). Expired signatures are removed first.
 */
export async function useChallenge(
  db: Db,
  signature: string,
  expiresMs: number,
  nowMs: number,
): Promise<boolean> {
  await db.deleteFrom("used_challenges").where("expires_ms", "<", nowMs).execute();
  const result = await db
    .insertInto("used_challenges")
    .values({ signature, expires_ms: expiresMs })
    .onConflict((oc) => oc.column("signature").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The hits of `bucket` from `key` since `sinceMs`, oldest first (their times). */
export async function recentHits(
  db: Db,
  bucket: string,
  key: string,
  sinceMs: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom("rate_hits")
    .select("at_ms")
    .where("bucket", "=", bucket)
    .where("key", "=", key)
    .where("at_ms", ">", sinceMs)
    .orderBy("at_ms")
    .execute();
  return rows.map((r) => r.at_ms);
}

/** Records a hit; hits older than `forgetBeforeMs` (of every client) are removed. */
export async function recordHit(
  db: Db,
  bucket: string,
  key: string,
  nowMs: number,
  forgetBeforeMs: number,
): Promise<void> {
  await db.insertInto("rate_hits").values({ bucket, key, at_ms: nowMs }).execute();
  await db.deleteFrom("rate_hits").where("at_ms", "<", forgetBeforeMs).execute();
}
