import type { Kysely } from "kysely";
import type { AuditEvent, Database } from "../schema.js";

type Db = Kysely<Database>;

export type AuditInput = {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

const json = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** Appends one audit event (call inside the transaction of the write it records). */
export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      actor_id: event.actorId,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId === null ? null : String(event.entityId),
      before: json(event.before),
      after: json(event.after),
      reason: event.reason ?? null,
    })
    .execute();
}

/** Events about any of the given entities, oldest first. */
export async function listAudit(
  db: Db,
  entities: readonly { entity: string; ids: readonly (string | number)[] }[],
): Promise<(AuditEvent & { actor_name: string | null })[]> {
  const wanted = entities.filter((e) => e.ids.length);
  if (!wanted.length) return [];
  return db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.actor_id")
    .selectAll("audit_events")
    .select("users.display_name as actor_name")
    .where((eb) =>
      eb.or(
        wanted.map((e) =>
          eb.and([
            eb("audit_events.entity", "=", e.entity),
            eb("audit_events.entity_id", "in", e.ids.map(String)),
          ]),
        ),
      ),
    )
    .orderBy("audit_events.id")
    .execute();
}
