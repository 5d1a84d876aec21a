import type { Kysely, Updateable } from "kysely";
import type { Database, Feedback, FeedbackTable, NewFeedback } from "../schema.js";

type Db = Kysely<Database>;

export async function insertFeedback(db: Db, row: NewFeedback): Promise<Feedback> {
  return db.insertInto("feedback").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function feedbackByCode(db: Db, code: string): Promise<Feedback | undefined> {
  return db.selectFrom("feedback").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function feedbackById(db: Db, id: number): Promise<Feedback | undefined> {
  return db.selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirst();
}

/** An earlier open submission with the same folded content (a duplicate). */
export async function feedbackByContentKey(db: Db, key: string): Promise<Feedback | undefined> {
  return db
    .selectFrom("feedback")
    .selectAll()
    .where("content_key", "=", key)
    .where("status", "!=", "rejected")
    .orderBy("id")
    .executeTakeFirst();
}

export async function updateFeedback(
  db: Db,
  id: number,
  patch: Updateable<FeedbackTable>,
): Promise<Feedback> {
  return db
    .updateTable("feedback")
    .set(patch)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The handling queue: every submission (monitoring department) or one set of units'. */
export async function listFeedback(db: Db, units: readonly number[] | null): Promise<Feedback[]> {
  let q = db.selectFrom("feedback").selectAll().orderBy("id", "desc").limit(500);
  if (units !== null) q = q.where("unit_id", "in", units.length ? [...units] : [-1]);
  return q.execute();
}
