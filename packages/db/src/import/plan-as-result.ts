/**
 * A stored plan read back in the import contract's shape (document and task tables; no groups
 * or indicators), so that core's functions written for ImportResult (the matcher) run on it.
 */
import type { ImportResult, Task } from "@giamsat/core";
import type { Kysely } from "kysely";
import type { Database, MilestoneRow, TaskOrgRow } from "../schema.js";
import { contentFromStored } from "./task-content.js";

export interface StoredPlanResult {
  result: ImportResult;
  /** task id by `${appendix index}|${line}|${number}` (the matcher's MatchedTask) */
  taskIds: Map<string, number>;
}

export const matchedKey = (t: { appendix: number; line: number; number: string | null }) =>
  `${t.appendix}|${t.line}|${t.number ?? ""}`;

export async function storedPlanResult(
  db: Kysely<Database>,
  planId: number,
): Promise<StoredPlanResult> {
  const plan = await db
    .selectFrom("plans")
    .selectAll()
    .where("id", "=", planId)
    .executeTakeFirstOrThrow();
  const appendices = await db
    .selectFrom("appendices")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("ordinal")
    .execute();
  const tasks = await db
    .selectFrom("tasks")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("removed_at", "is", null)
    .orderBy("ordinal")
    .execute();
  const ids = tasks.map((t) => t.id);
  const orgs = ids.length
    ? await db.selectFrom("task_orgs").selectAll().where("task_id", "in", ids).execute()
    : [];
  const milestones = ids.length
    ? await db.selectFrom("milestones").selectAll().where("task_id", "in", ids).execute()
    : [];
  const byTask = <T extends { task_id: number }>(rows: T[], id: number) =>
    rows.filter((r) => r.task_id === id);
  const taskIds = new Map<string, number>();
  const result: ImportResult = {
    document: {
      kind: plan.kind,
      number: plan.number,
      date: plan.date,
      issuer: plan.issuer,
      title: plan.title,
      draft: plan.draft === 1,
    },
    appendices: appendices.map((a, index) => ({
      title: a.title,
      kind: a.kind,
      columns: JSON.parse(a.columns) as string[],
      groups: [],
      indicators: [],
      tasks: tasks
        .filter((t) => t.appendix_id === a.id)
        .map((t): Task => {
          taskIds.set(matchedKey({ appendix: index, line: t.line, number: t.number }), t.id);
          const content = contentFromStored(
            t,
            byTask<TaskOrgRow>(orgs, t.id),
            byTask<MilestoneRow>(milestones, t.id),
          );
          return {
            ...content,
            milestones: content.milestones.map((m) => ({ ...m, line: 0 })),
            line: t.line,
          };
        }),
    })),
    warnings: [],
  };
  return { result, taskIds };
}
