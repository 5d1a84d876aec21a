/**
 * Unit-head sign-off of change requests: a staff member's change request of a
 * unit with sign-off on waits for the unit head (status `awaiting_signoff`) before the leader
 * decides it, as reports do (migration 0017). `org_id` is the unit that proposed it (whose heads
 * sign it off); `signed_off_by` / `signed_off_at` record the head's approval. A request the head
 * sends back has the status `returned`, the head's reason in `decision_comment`.
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("change_requests")
    .addColumn("org_id", "integer", (c) => c.references("organisations.id"))
    .execute();
  await db.schema
    .alterTable("change_requests")
    .addColumn("signed_off_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema.alterTable("change_requests").addColumn("signed_off_at", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  // a request still waiting for the head goes to the leader as it was proposed
  await db
    .updateTable("change_requests")
    .set({ status: "proposed" })
    .where("status", "=", "awaiting_signoff")
    .execute();
  await db.schema.alterTable("change_requests").dropColumn("signed_off_at").execute();
  await db.schema.alterTable("change_requests").dropColumn("signed_off_by").execute();
  await db.schema.alterTable("change_requests").dropColumn("org_id").execute();
}
