import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export async function insertApiToken(
  db: Db,
  userId: number,
  tokenHash: string,
  name: string,
): Promise<number> {
  const row = await db
    .insertInto("api_tokens")
    .values({ user_id: userId, token_hash: tokenHash, name })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ApiTokenListItem = {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
};

/** A user's API tokens (never their hashes), newest first. */
export async function listUserTokens(db: Db, userId: number): Promise<ApiTokenListItem[]> {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "created_at", "last_used_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .execute();
}

/** Deletes one of the user's tokens; false when the user has no token with this id. */
export async function deleteUserToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("api_tokens")
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes every token of the user; the ids deleted. */
export async function deleteUserTokens(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .deleteFrom("api_tokens")
    .where("user_id", "=", userId)
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}
