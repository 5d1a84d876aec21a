import { fold } from "@giamsat/core";
import { sql, type Kysely } from "kysely";
import type { Database, NewUser, User, UserRole, UserUpdate } from "../schema.js";

type Db = Kysely<Database>;

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

/** Whether any account exists (a first run creates the demo accounts). */
export async function hasUsers(db: Db): Promise<boolean> {
  return (await db.selectFrom("users").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface UserSearch {
  /** words found, without diacritics, in the login, the name or the unit's name */
  q?: string;
  role?: UserRole;
  /** the user's main unit, or one of the units it also acts for */
  orgId?: number;
  active?: boolean;
  limit?: number;
  offset?: number;
}

/** A user as the administrators' list shows it: with its unit's name. */
export type ListedUser = User & { org_name: string | null };

/**
 * Users by login, with the total. The words are matched on folded text in the process (names
 * carry diacritics; an organisation has thousands of users at most, not millions).
 */
export async function searchUsers(
  db: Db,
  query: UserSearch = {},
): Promise<{ items: ListedUser[]; total: number }> {
  let q = db
    .selectFrom("users as u")
    .leftJoin("organisations as o", "o.id", "u.org_id")
    .selectAll("u")
    .select("o.name as org_name");
  if (query.role) q = q.where("u.role", "=", query.role);
  const orgId = query.orgId;
  if (orgId !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb("u.org_id", "=", orgId),
        eb.exists(
          eb
            .selectFrom("user_orgs as uo")
            .select("uo.user_id")
            .whereRef("uo.user_id", "=", "u.id")
            .where("uo.org_id", "=", orgId),
        ),
      ]),
    );
  if (query.active !== undefined) q = q.where("u.active", "=", query.active ? 1 : 0);
  const rows = await q.orderBy("u.username").execute();
  const words = fold(query.q ?? "")
    .split(" ")
    .filter(Boolean);
  const found = words.length
    ? rows.filter((u) => {
        const text = fold(`${u.username} ${u.display_name} ${u.org_name ?? ""}`);
        return words.every((w) => text.includes(w));
      })
    : rows;
  const offset = query.offset ?? 0;
  return { items: found.slice(offset, offset + (query.limit ?? 50)), total: found.length };
}

/** The units each of these users acts for (user_orgs), by user id. */
export async function userOrgIdsOf(
  db: Db,
  userIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return out;
  const rows = await db
    .selectFrom("user_orgs")
    .select(["user_id", "org_id"])
    .where("user_id", "in", userIds)
    .orderBy("org_id")
    .execute();
  for (const r of rows) out.get(r.user_id)?.push(r.org_id);
  return out;
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

/** How many active administrators there are besides `exceptId`. */
export async function countOtherActiveAdmins(db: Db, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .where("id", "!=", exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
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
