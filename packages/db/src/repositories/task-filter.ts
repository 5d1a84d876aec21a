/** The WHERE clauses shared by task lists and status counts. */
import { fold } from "@giamsat/core";
import type { StatusCode } from "@giamsat/core";
import { containsWord } from "./like.js";
import type { ExpressionBuilder, SelectQueryBuilder } from "kysely";
import type { Database, TaskKindCode } from "../schema.js";
import { statusPredicate } from "./task-status.sql.js";
import type { StatusWindow } from "./task-status.sql.js";

export interface TaskFilter {
  planId?: number;
  /** the task's first lead unit (tasks.lead_org_id) */
  leadOrgId?: number;
  /** tasks one of these units leads or coordinates (a unit user's scope); [] matches none */
  orgIds?: readonly number[];
  /** words searched in the folded name (all must occur), or the task's number exactly */
  q?: string;
  /**
   * every task `q` can match, when the search index found few (task-search.ts): the search
   * reads them by id instead of scanning
   */
  searchIds?: readonly number[];
  kind?: TaskKindCode;
  /** the directing leader (tasks.leader), matched on its folded form: any spelling of it */
  leader?: string;
  /** one appendix of a plan (tasks.appendix_id) */
  appendixId?: number;
  /** status codes as of the window's date (needs asOf) */
  status?: readonly StatusCode[];
  /** default true; false hides confidential tasks */
  includeConfidential?: boolean;
  /** default false: tasks removed by an amended plan or cancelled are left out */
  includeInactive?: boolean;
  /**
   * lists over all plans: a task confirmed as restating another task in force (that the reader
   * may see) is left out, so the work is listed once — under the task it restates
   */
  oncePerWork?: boolean;
}

type TaskQuery<O> = SelectQueryBuilder<Database, "tasks", O>;

export function applyTaskFilter<O>(
  query: TaskQuery<O>,
  f: TaskFilter,
  window?: StatusWindow,
): TaskQuery<O> {
  let q = query;
  if (f.planId !== undefined) q = q.where("tasks.plan_id", "=", f.planId);
  if (f.leadOrgId !== undefined) q = q.where("tasks.lead_org_id", "=", f.leadOrgId);
  if (f.kind) q = q.where("tasks.kind", "=", f.kind);
  if (f.appendixId !== undefined) q = q.where("tasks.appendix_id", "=", f.appendixId);
  if (f.leader !== undefined) q = q.where("tasks.leader_search", "=", fold(f.leader));
  if (f.orgIds) {
    const units = f.orgIds.length ? [...f.orgIds] : [-1];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("task_orgs")
          .select("task_orgs.id")
          .whereRef("task_orgs.task_id", "=", "tasks.id")
          .where("task_orgs.org_id", "in", units),
      ),
    );
  }
  const text = f.q?.trim();
  if (text) q = q.where((eb) => searchCondition(eb, text, f.searchIds));
  if (f.status) {
    if (!window) throw new Error("a status filter needs asOf");
    q = q.where(statusPredicate(f.status, window));
  }
  if (f.includeConfidential === false) q = q.where("tasks.confidential", "=", 0);
  if (!f.includeInactive) {
    q = q.where("tasks.removed_at", "is", null).where("tasks.cancelled_at", "is", null);
  }
  if (f.oncePerWork) q = q.where((eb) => eb.not(restatesAnother(eb, f)));
  return q;
}

/**
 * The task is confirmed as restating another task in force (one the reader may see): the same
 * work, listed once over all plans (TaskFilter.oncePerWork).
 */
export function restatesAnother(
  eb: ExpressionBuilder<Database, "tasks">,
  f: Pick<TaskFilter, "includeConfidential">,
) {
  // the few confirmed links, read once (not a probe of task_links per task: national counts
  // take the restating tasks off, 0.5–0.7 s at 1M tasks as a probe per task)
  return eb(
    "tasks.id",
    "in",
    eb
      .selectFrom("task_links")
      .innerJoin("tasks as restated", "restated.id", "task_links.to_task_id")
      .select("task_links.from_task_id")
      .where("task_links.kind", "=", "restates")
      .where("task_links.state", "=", "confirmed")
      .where("restated.removed_at", "is", null)
      .where("restated.cancelled_at", "is", null)
      .$if(f.includeConfidential === false, (sub) => sub.where("restated.confidential", "=", 0)),
  );
}

function searchCondition(
  eb: ExpressionBuilder<Database, "tasks">,
  text: string,
  candidates: readonly number[] | undefined,
) {
  const words = fold(text).split(" ").filter(Boolean);
  const byName = words.map((w) => containsWord("tasks.name_search", w));
  const matches = eb.or([eb.and(byName), eb("tasks.number", "=", text)]);
  if (!candidates) return matches;
  return eb.and([eb("tasks.id", "in", candidates.length ? [...candidates] : [-1]), matches]);
}
