/**
 * The directing leader ("Lãnh đạo chỉ đạo") folded like the other search columns, so that the
 * leader filter matches whatever the spelling or diacritics of a document; filled for the tasks
 * already stored (folding is application code, as for name_search).
 */
import { fold } from "@giamsat/core";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("tasks").addColumn("leader_search", "text").execute();
  const leaders = await db
    .selectFrom("tasks")
    .select("leader")
    .distinct()
    .where("leader", "is not", null)
    .execute();
  for (const { leader } of leaders as { leader: string }[]) {
    await db
      .updateTable("tasks")
      .set({ leader_search: fold(leader) })
      .where("leader", "=", leader)
      .execute();
  }
  await db.schema
    .createIndex("tasks_plan_leader")
    .on("tasks")
    .columns(["plan_id", "leader_search"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("tasks_plan_leader").execute();
  await db.schema.alterTable("tasks").dropColumn("leader_search").execute();
}
