import { sql, type Kysely } from "kysely";
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

/** The audit row of an event. */
export function auditRow(event: AuditInput) {
  return {
    actor_id: event.actorId,
    action: event.action,
    entity: event.entity,
    entity_id: event.entityId === null ? null : String(event.entityId),
    before: json(event.before),
    after: json(event.after),
    reason: event.reason ?? null,
  };
}

/** Appends one audit event (call inside the transaction of the write it records). */
export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db.insertInto("audit_events").values(auditRow(event)).execute();
}

/**
 * The id of the latest audit event (0 before any): every write is audited in its transaction, so
 * this number moves whenever committed data changes — a version of the whole database that one
 * primary-key lookup reads, shared by every server and the CLI.
 */
export async function latestAuditId(db: Db): Promise<number> {
  const row = await db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
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

/** A page of a list: at most `limit` rows after the first `offset`. */
export type Page = { limit: number; offset: number };

/** The rows of a task's reports or change requests, each audited under its own entity. */
const TASK_CHILDREN = [
  { entity: "report", table: "progress_reports" },
  { entity: "change_request", table: "change_requests" },
] as const;

/** The events of a task's history: the task's own, its reports' and its change requests'. */
function taskAuditQuery(db: Db, taskId: number) {
  return db.selectFrom("audit_events").where((eb) =>
    eb.or([
      eb.and([
        eb("audit_events.entity", "=", "task"),
        eb("audit_events.entity_id", "=", String(taskId)),
      ]),
      ...TASK_CHILDREN.map(({ entity, table }) =>
        eb.and([
          eb("audit_events.entity", "=", entity),
          eb(
            "audit_events.entity_id",
            "in",
            eb
              .selectFrom(table)
              .select(sql<string>`cast(${sql.ref(`${table}.id`)} as text)`.as("id"))
              .where(sql.ref(`${table}.task_id`), "=", taskId),
          ),
        ]),
      ),
    ]),
  );
}

/**
 * A task's history, newest first, a page at a time (a task with thousands of reports opens
 * fast), with the count of all its events.
 */
export async function listTaskAudit(
  db: Db,
  taskId: number,
  page: Page,
): Promise<{ items: (AuditEvent & { actor_name: string | null })[]; total: number }> {
  const [items, count] = await Promise.all([
    taskAuditQuery(db, taskId)
      .leftJoin("users", "users.id", "audit_events.actor_id")
      .selectAll("audit_events")
      .select("users.display_name as actor_name")
      .orderBy("audit_events.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    taskAuditQuery(db, taskId)
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
