import type { Kysely } from "kysely";
import type { Database, User } from "../schema.js";

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

/** The active user owning the token with this hash. */
export async function findUserByTokenHash(db: Db, tokenHash: string): Promise<User | undefined> {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .selectAll("users")
    .where("api_tokens.token_hash", "=", tokenHash)
    .where("users.active", "=", 1)
    .executeTakeFirst();
}
