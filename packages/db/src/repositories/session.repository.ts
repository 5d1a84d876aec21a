import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type SessionRecord = { id: string; user_id: number; csrf_token: string; expires_at: string };

export async function insertSession(db: Db, session: SessionRecord): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user (password reset, deactivation). */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Ends a user's other sessions (own password change: the session making it stays). */
export async function deleteOtherSessions(
  db: Db,
  userId: number,
  keepId: string | null,
): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepId !== null) q = q.where("id", "!=", keepId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}
