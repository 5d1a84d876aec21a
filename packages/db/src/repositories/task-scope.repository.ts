/** What the authorisation of a task needs, in one query: its row's flags and its units. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type TaskScopeRow = {
  id: number;
  plan_id: number;
  kind: "time-bound" | "recurring";
  confidential: number;
  cancelled_at: string | null;
  removed_at: string | null;
  /** the organisations the task names (lead units first), resolved ones only */
  unitIds: number[];
};

export async function findTaskScope(db: Db, id: number): Promise<TaskScopeRow | undefined> {
  const rows = await db
    .selectFrom("tasks")
    .leftJoin("task_orgs", "task_orgs.task_id", "tasks.id")
    .select([
      "tasks.id",
      "tasks.plan_id",
      "tasks.kind",
      "tasks.confidential",
      "tasks.cancelled_at",
      "tasks.removed_at",
      "task_orgs.org_id",
    ])
    .where("tasks.id", "=", id)
    .orderBy("task_orgs.role")
    .orderBy("task_orgs.ordinal")
    .execute();
  const [first] = rows;
  if (!first) return undefined;
  const { org_id: _org, ...task } = first;
  return { ...task, unitIds: rows.flatMap((o) => (o.org_id === null ? [] : [o.org_id])) };
}
