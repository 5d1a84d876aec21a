/** Unit-head sign-off: the setting, the unit's heads, the head's approval. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** The active unit heads of this unit (its main unit or one they act for), by id. */
export async function unitHeadIds(db: Db, orgId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("users")
    .select("users.id")
    .where("users.role", "=", "unit_head")
    .where("users.active", "=", 1)
    .where((eb) =>
      eb.or([
        eb("users.org_id", "=", orgId),
        eb(
          "users.id",
          "in",
          eb
            .selectFrom("user_orgs")
            .select("user_orgs.user_id")
            .where("user_orgs.org_id", "=", orgId),
        ),
      ]),
    )
    .orderBy("users.id")
    .execute();
  return rows.map((r) => r.id);
}

/** Whether the unit's staff reports wait for its head (the administrator's setting). */
export async function signoffRequired(db: Db, orgId: number): Promise<boolean> {
  const row = await db
    .selectFrom("organisations")
    .select("signoff_required")
    .where("id", "=", orgId)
    .executeTakeFirst();
  return row?.signoff_required === 1;
}

export async function setSignoffRequired(db: Db, orgId: number, on: boolean): Promise<void> {
  await db
    .updateTable("organisations")
    .set({ signoff_required: on ? 1 : 0 })
    .where("id", "=", orgId)
    .execute();
}

/** The head approved: the report goes on to the review, its submission time unchanged. */
export async function markSignedOff(db: Db, reportId: number, userId: number, at: string) {
  await db
    .updateTable("progress_reports")
    .set({ status: "submitted", signed_off_by: userId, signed_off_at: at })
    .where("id", "=", reportId)
    .execute();
}

/** The head approved a change request: it goes on to the leader's decision. */
export async function markChangeSignedOff(db: Db, id: number, userId: number, at: string) {
  await db
    .updateTable("change_requests")
    .set({ status: "proposed", signed_off_by: userId, signed_off_at: at })
    .where("id", "=", id)
    .execute();
}

/** The head sent a change request back to its author with the reason (a final outcome). */
export async function markChangeReturned(
  db: Db,
  id: number,
  userId: number,
  at: string,
  reason: string,
) {
  await db
    .updateTable("change_requests")
    .set({ status: "returned", decided_by: userId, decided_at: at, decision_comment: reason })
    .where("id", "=", id)
    .execute();
}
