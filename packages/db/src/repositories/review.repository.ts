import type { Insertable, Kysely } from "kysely";
import type { Database, Review, ReviewsTable } from "../schema.js";

type Db = Kysely<Database>;

export async function insertReview(db: Db, review: Insertable<ReviewsTable>): Promise<number> {
  const row = await db
    .insertInto("reviews")
    .values(review)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listReviews(
  db: Db,
  reportIds: readonly number[],
): Promise<(Review & { reviewer_name: string | null })[]> {
  if (!reportIds.length) return [];
  return db
    .selectFrom("reviews")
    .leftJoin("users", "users.id", "reviews.reviewer_id")
    .selectAll("reviews")
    .select("users.display_name as reviewer_name")
    .where("reviews.report_id", "in", [...reportIds])
    .orderBy("reviews.id")
    .execute();
}

/** A report's latest review (its current decision), if any. */
export async function latestReview(db: Db, reportId: number): Promise<Review | undefined> {
  return db
    .selectFrom("reviews")
    .selectAll()
    .where("report_id", "=", reportId)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** Removes an undone review (the audit event keeps what it said). */
export async function deleteReview(db: Db, id: number): Promise<void> {
  await db.deleteFrom("reviews").where("id", "=", id).execute();
}
