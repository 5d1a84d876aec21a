import { sql, type Kysely } from "kysely";
import type { Database, NewUser, User, UserUpdate } from "../schema.js";

type Db = Kysely<Database>;

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.selectFrom("users").selectAll().orderBy("username").execute();
}

/** Inserts the user and its units (user_orgs, the main unit included); returns the new id. */
export async function insertUser(
  db: Db,
  user: NewUser,
  orgIds: readonly number[] = [],
): Promise<number> {
  const { id } = await db
    .insertInto("users")
    .values(user)
    .returning("id")
    .executeTakeFirstOrThrow();
  await setUserOrgs(db, id, orgIds);
  return id;
}

export async function updateUser(db: Db, id: number, update: UserUpdate): Promise<void> {
  await db.updateTable("users").set(update).where("id", "=", id).execute();
}

/** Replaces the units a user acts for. */
export async function setUserOrgs(
  db: Db,
  userId: number,
  orgIds: readonly number[],
): Promise<void> {
  await db.deleteFrom("user_orgs").where("user_id", "=", userId).execute();
  const unique = [...new Set(orgIds)];
  if (unique.length) {
    await db
      .insertInto("user_orgs")
      .values(unique.map((org_id) => ({ user_id: userId, org_id })))
      .execute();
  }
}

export async function userOrgIds(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("user_orgs")
    .select("org_id")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.org_id);
}

/**
 * A user's units: its own organisation, the ones it is attached to and every organisation below
 * them in the hierarchy, in one recursive query (UNION stops on a cycle), in id order.
 */
export async function userUnitIds(db: Db, userId: number, orgId: number | null): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with recursive scope(id) as (
      select org_id from user_orgs where user_id = ${userId}
      union select id from organisations where id = ${orgId}
      union select o.id from organisations o join scope s on o.parent_id = s.id
    )
    select id from scope order by id`.execute(db);
  return rows.map((r) => Number(r.id));
}
