import type { Kysely, Updateable } from "kysely";
import type { Database, FeedbackField, FeedbackFieldsTable } from "../schema.js";

type Db = Kysely<Database>;

/** The form's fields by name (the active ones only when `activeOnly`). */
export async function listFeedbackFields(db: Db, activeOnly: boolean): Promise<FeedbackField[]> {
  let q = db.selectFrom("feedback_fields").selectAll().orderBy("name");
  if (activeOnly) q = q.where("active", "=", 1);
  return q.execute();
}

export async function feedbackFieldById(db: Db, id: number): Promise<FeedbackField | undefined> {
  return db.selectFrom("feedback_fields").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function feedbackFieldByName(
  db: Db,
  name: string,
): Promise<FeedbackField | undefined> {
  return db.selectFrom("feedback_fields").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function insertFeedbackField(
  db: Db,
  row: { name: string; unit_id: number | null },
): Promise<FeedbackField> {
  return db.insertInto("feedback_fields").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateFeedbackField(
  db: Db,
  id: number,
  patch: Updateable<FeedbackFieldsTable>,
): Promise<FeedbackField> {
  return db
    .updateTable("feedback_fields")
    .set(patch)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
