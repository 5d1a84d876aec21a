/**
 * Who sends a request: the active user an API token or a live session names, with the units a
 * unit role acts for, in one statement — every request of a unit user pays for it, so the
 * token, the user and the recursive walk down the hierarchy are one round trip, not three.
 */
import { sql, type Kysely } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import { prepared } from "../pg-prepared-statements.js";
import type { Database, User } from "../schema.js";

type Db = Kysely<Database>;

export type Credential = { tokenHash: string } | { sessionId: string; now: string };

export type CredentialUser = {
  user: Pick<User, "id" | "username" | "display_name" | "role" | "org_id">;
  /** a unit role's organisation, the ones it is attached to and all below them, in id order; null for other roles */
  units: number[] | null;
  /** the session's CSRF token (null for an API token) */
  csrfToken: string | null;
};

type Row = CredentialUser["user"] & { csrf_token: string | null; unit_id: number | null };

export async function findCredentialUser(
  db: Db,
  credential: Credential,
): Promise<CredentialUser | undefined> {
  const who =
    "tokenHash" in credential
      ? sql`select u.id, u.username, u.display_name, u.role, u.org_id, null as csrf_token
          from api_tokens t join users u on u.id = t.user_id
          where t.token_hash = ${credential.tokenHash} and u.active = 1`
      : sql`select u.id, u.username, u.display_name, u.role, u.org_id, s.csrf_token
          from sessions s join users u on u.id = s.user_id
          where s.id = ${credential.sessionId} and s.expires_at > ${credential.now}
            and u.active = 1`;
  // PostgreSQL hashed the whole organisations table at each step (0.7 ms of every request at
  // 5,000 organisations): a lateral lookup per unit keeps to the parent index
  const children =
    dialectOf(db) === "postgres"
      ? sql`select c.id from scope s cross join lateral
          (select o.id from organisations o where o.parent_id = s.id offset 0) c`
      : sql`select o.id from organisations o join scope s on o.parent_id = s.id`;
  // UNION stops on a cycle in the hierarchy
  const { rows } = await sql<Row>`
    with recursive who as (${who}),
    scope(id) as (
      select uo.org_id from user_orgs uo join who on uo.user_id = who.id
        where who.role in ('unit_head', 'unit_staff')
      union select o.id from organisations o join who on o.id = who.org_id
        where who.role in ('unit_head', 'unit_staff')
      union ${children}
    )
    select who.*, scope.id as unit_id from who left join scope on 1 = 1
    order by scope.id${prepared}`.execute(db);
  const [first] = rows;
  if (!first) return undefined;
  const { csrf_token, unit_id: _unit, ...user } = first;
  const unitRole = user.role === "unit_head" || user.role === "unit_staff";
  return {
    user: {
      ...user,
      id: Number(user.id),
      org_id: user.org_id === null ? null : Number(user.org_id),
    },
    units: unitRole ? rows.flatMap((r) => (r.unit_id === null ? [] : [Number(r.unit_id)])) : null,
    csrfToken: csrf_token,
  };
}
