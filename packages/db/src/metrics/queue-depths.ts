/** The notification outbox's rows not delivered yet, per status: the queue depth `/metrics` shows. */
import type { Kysely } from "kysely";
import type { Database, OutboxStatus } from "../schema.js";

const WAITING: OutboxStatus[] = ["pending", "sending", "held", "failed"];

export async function outboxDepths(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("notification_outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "in", WAITING)
    .groupBy("status")
    .execute();
  const depths = Object.fromEntries(WAITING.map((s) => [s, 0]));
  for (const r of rows) depths[r.status] = Number(r.n);
  return depths;
}
