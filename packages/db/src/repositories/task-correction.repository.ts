/**
 * A correction of a task by the monitoring department: the fields it gives
 * replace the stored ones. Call inside the transaction that records the task's new version.
 */
import { fold } from "@giamsat/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { amendTask, replaceTaskOrgs } from "./task-amendment.repository.js";

type Db = Kysely<Database>;

export type TaskCorrection = {
  name?: string;
  leadOrgIds?: readonly number[];
  coordinatorOrgIds?: readonly number[];
  /** a day: the task becomes due on it (time-bound tasks only) */
  dueDate?: string;
  output?: string | null;
  confidential?: boolean;
};

export async function correctTask(
  db: Db,
  taskId: number,
  c: TaskCorrection,
  at: string,
): Promise<void> {
  if (c.leadOrgIds) await amendTask(db, taskId, { kind: "reassign", leadOrgIds: c.leadOrgIds }, at);
  if (c.coordinatorOrgIds) await replaceTaskOrgs(db, taskId, "coordinator", c.coordinatorOrgIds);
  if (c.dueDate) await amendTask(db, taskId, { kind: "extend_deadline", dueDate: c.dueDate }, at);
  const set = {
    ...(c.name !== undefined ? { name: c.name, name_search: fold(c.name) } : {}),
    ...(c.output !== undefined ? { output: c.output } : {}),
    ...(c.confidential !== undefined ? { confidential: c.confidential ? 1 : 0 } : {}),
  } as const;
  if (Object.keys(set).length)
    await db.updateTable("tasks").set(set).where("id", "=", taskId).execute();
}
