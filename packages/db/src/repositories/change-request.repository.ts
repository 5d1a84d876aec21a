import type { Insertable, Kysely, Selectable, Updateable } from "kysely";
import type {
  ChangeRequest,
  ChangeRequestsTable,
  ChangeRequestStatus,
  Database,
  TaskVersionsTable,
} from "../schema.js";

type Db = Kysely<Database>;

export async function insertChangeRequest(
  db: Db,
  cr: Insertable<ChangeRequestsTable>,
): Promise<number> {
  const row = await db
    .insertInto("change_requests")
    .values(cr)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findChangeRequest(db: Db, id: number): Promise<ChangeRequest | undefined> {
  return db.selectFrom("change_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Which change requests a list takes (see `listChangeRequests`). */
export type ChangeRequestFilter = {
  taskId?: number;
  status?: ChangeRequestStatus;
  orgIds?: readonly number[];
  proposerOrgIds?: readonly number[];
  includeConfidential?: boolean;
};

function filtered(db: Db, filter: ChangeRequestFilter) {
  let q = db.selectFrom("change_requests");
  if (filter.includeConfidential === false) {
    q = q.where("task_id", "not in", (eb) =>
      eb.selectFrom("tasks").select("id").where("confidential", "=", 1),
    );
  }
  if (filter.taskId !== undefined) q = q.where("task_id", "=", filter.taskId);
  if (filter.status) q = q.where("status", "=", filter.status);
  if (filter.orgIds) {
    const units = filter.orgIds.length ? [...filter.orgIds] : [-1];
    q = q.where("task_id", "in", (eb) =>
      eb.selectFrom("task_orgs").select("task_id").where("org_id", "in", units),
    );
  }
  if (filter.proposerOrgIds)
    q = q.where("org_id", "in", filter.proposerOrgIds.length ? [...filter.proposerOrgIds] : [-1]);
  return q;
}

/**
 * Change requests, oldest first, a page of them (`limit`, `offset`); `orgIds`: only those on tasks
 * one of these units is on; `proposerOrgIds`: only those these units proposed;
 * `includeConfidential: false`: none on a confidential task.
 */
export async function listChangeRequests(
  db: Db,
  filter: ChangeRequestFilter,
  page: { limit?: number; offset?: number } = {},
): Promise<ChangeRequest[]> {
  let q = filtered(db, filter).selectAll().orderBy("proposed_at").orderBy("id");
  if (page.limit !== undefined) q = q.limit(page.limit).offset(page.offset ?? 0);
  return q.execute();
}

/** How many change requests the filter takes (the total of a paged list). */
export async function countChangeRequests(db: Db, filter: ChangeRequestFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The request sent again in place of `id`, if any. */
export async function findResubmission(db: Db, id: number): Promise<ChangeRequest | undefined> {
  return db
    .selectFrom("change_requests")
    .selectAll()
    .where("resubmits_id", "=", id)
    .executeTakeFirst();
}

export async function updateChangeRequest(
  db: Db,
  id: number,
  update: Updateable<ChangeRequestsTable>,
): Promise<void> {
  await db.updateTable("change_requests").set(update).where("id", "=", id).execute();
}

export async function listTaskVersions(
  db: Db,
  taskId: number,
): Promise<(Selectable<TaskVersionsTable> & { author_name: string | null })[]> {
  return db
    .selectFrom("task_versions")
    .leftJoin("users", "users.id", "task_versions.author_id")
    .selectAll("task_versions")
    .select("users.display_name as author_name")
    .where("task_versions.task_id", "=", taskId)
    .orderBy("task_versions.version")
    .execute();
}
