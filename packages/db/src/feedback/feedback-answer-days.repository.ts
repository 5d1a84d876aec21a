import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** The answer days the administrator set, by kind (kinds never set are absent). */
export async function listFeedbackAnswerDays(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom("feedback_answer_days").selectAll().execute();
  return new Map(rows.map((r) => [r.kind, r.days]));
}

/** Sets a kind's answer days (inserted or replaced). */
export async function setFeedbackAnswerDays(db: Db, kind: string, days: number): Promise<void> {
  await db
    .insertInto("feedback_answer_days")
    .values({ kind, days })
    .onConflict((oc) => oc.column("kind").doUpdateSet({ days }))
    .execute();
}
