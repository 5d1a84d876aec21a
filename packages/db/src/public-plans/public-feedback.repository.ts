import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** A published answer as the public pages show it: no contact, the name only when chosen. */
export type PublishedFeedbackRow = {
  code: string;
  kind: string;
  title: string;
  sender_name: string | null;
  unit_name: string | null;
  answer: string | null;
  rating: number | null;
  created_at: string;
  task_number: string | null;
};

/**
 * The feedback about a plan's tasks whose answer the monitoring department published, newest
 * first (at most `limit`), with how many there are, how many were rated and the mean rating. Feedback about a confidential task is left out: listing it would show
 * that the task exists.
 */
export async function publishedFeedbackOfPlan(
  db: Db,
  planId: number,
  limit: number,
): Promise<{
  items: PublishedFeedbackRow[];
  total: number;
  rated: number;
  averageRating: number | null;
}> {
  const base = db
    .selectFrom("feedback")
    .innerJoin("tasks", "tasks.id", "feedback.task_id")
    .where("tasks.plan_id", "=", planId)
    .where("tasks.confidential", "=", 0)
    .where("feedback.status", "=", "published");
  const [items, count] = await Promise.all([
    base
      .leftJoin("organisations", "organisations.id", "feedback.unit_id")
      .select((eb) => [
        "feedback.code",
        "feedback.kind",
        "feedback.title",
        eb
          .case()
          .when("feedback.publish_name", "=", 1)
          .then(eb.ref("feedback.sender_name"))
          .else(null)
          .end()
          .as("sender_name"),
        "organisations.name as unit_name",
        "feedback.answer",
        "feedback.rating",
        "feedback.created_at",
        "tasks.number as task_number",
      ])
      .orderBy("feedback.created_at", "desc")
      .orderBy("feedback.id", "desc")
      .limit(limit)
      .execute(),
    base
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.count<number>("feedback.rating").as("rated"),
        eb.fn.avg<number | string | null>("feedback.rating").as("average"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items,
    total: Number(count.n),
    rated: Number(count.rated),
    averageRating: count.average === null ? null : Number(count.average),
  };
}
