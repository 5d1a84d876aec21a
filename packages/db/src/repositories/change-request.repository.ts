import type { Insertable, Kysely, Updateable } from "kysely";
import type {
  ChangeRequest,
  ChangeRequestsTable,
  ChangeRequestStatus,
  Database,
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

export async function listChangeRequests(
  db: Db,
  filter: { taskId?: number; status?: ChangeRequestStatus },
): Promise<ChangeRequest[]> {
  let q = db.selectFrom("change_requests").selectAll();
  if (filter.taskId !== undefined) q = q.where("task_id", "=", filter.taskId);
  if (filter.status) q = q.where("status", "=", filter.status);
  return q.orderBy("proposed_at").orderBy("id").execute();
}

export async function updateChangeRequest(
  db: Db,
  id: number,
  update: Updateable<ChangeRequestsTable>,
): Promise<void> {
  await db.updateTable("change_requests").set(update).where("id", "=", id).execute();
}
