/** Links between tasks of different plans ("implements" / "restates"), proposed then decided. */
import type { Kysely } from "kysely";
import type { Database, LinkKind, LinkState, TaskLinkRow } from "../schema.js";

type Db = Kysely<Database>;

export interface NewLink {
  from_task_id: number;
  to_task_id: number;
  kind: LinkKind;
  score: number;
  reasons: string[];
}

/** Stores proposed links; a pair already linked (in any state) is left as it is. */
export async function insertProposedLinks(db: Db, links: readonly NewLink[]): Promise<number> {
  let inserted = 0;
  for (const link of links) {
    const result = await db
      .insertInto("task_links")
      .values({ ...link, reasons: JSON.stringify(link.reasons), state: "proposed" })
      .onConflict((oc) => oc.columns(["from_task_id", "to_task_id"]).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export type TaskLinkView = TaskLinkRow & {
  /** "outgoing": this task implements/restates the other; "incoming": the other one does */
  direction: "outgoing" | "incoming";
  other_task_id: number;
  other_number: string | null;
  other_name: string;
  other_plan_id: number;
  other_plan_number: string | null;
};

/**
 * Who reads a task's links: a confidential task on the other side is shown only when
 * `includeConfidential` and (no `orgIds`, or one of its units is among them).
 */
export type LinkReader = { orgIds?: readonly number[]; includeConfidential?: boolean };

/** Links of a task in both directions, rejected ones included (their state says so). */
export async function listTaskLinks(
  db: Db,
  taskId: number,
  reader: LinkReader = {},
): Promise<TaskLinkView[]> {
  const side = (direction: "outgoing" | "incoming") => {
    const [mine, other] =
      direction === "outgoing"
        ? (["task_links.from_task_id", "task_links.to_task_id"] as const)
        : (["task_links.to_task_id", "task_links.from_task_id"] as const);
    return db
      .selectFrom("task_links")
      .innerJoin("tasks", "tasks.id", other)
      .innerJoin("plans", "plans.id", "tasks.plan_id")
      .selectAll("task_links")
      .select([
        "tasks.id as other_task_id",
        "tasks.number as other_number",
        "tasks.name as other_name",
        "plans.id as other_plan_id",
        "plans.number as other_plan_number",
      ])
      .where(mine, "=", taskId)
      .where((eb) => {
        if (reader.includeConfidential === false) return eb("tasks.confidential", "=", 0);
        if (!reader.orgIds) return eb.lit(true);
        const units = reader.orgIds.length ? [...reader.orgIds] : [-1];
        return eb.or([
          eb("tasks.confidential", "=", 0),
          eb(
            "tasks.id",
            "in",
            eb
              .selectFrom("task_orgs")
              .select("task_orgs.task_id")
              .where("task_orgs.org_id", "in", units),
          ),
        ]);
      })
      .orderBy("task_links.score", "desc")
      .orderBy("task_links.id")
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, direction })));
  };
  return [...(await side("outgoing")), ...(await side("incoming"))];
}

export interface LinkListQuery {
  /** links whose from-task belongs to this plan */
  planId?: number;
  state?: LinkState;
  /** false: links touching a confidential task are left out */
  includeConfidential?: boolean;
  limit?: number;
  offset?: number;
}

/** A task as a link list names it. */
export type LinkedTask = {
  id: number;
  number: string | null;
  name: string;
  plan_id: number;
  plan_number: string | null;
  plan_title: string | null;
};

export type ListedLink = TaskLinkRow & { from: LinkedTask; to: LinkedTask };

/** Links for the monitoring department's list, best score first, with both tasks and the total. */
export async function listLinks(
  db: Db,
  query: LinkListQuery,
): Promise<{ items: ListedLink[]; total: number }> {
  let q = db
    .selectFrom("task_links")
    .innerJoin("tasks as ft", "ft.id", "task_links.from_task_id")
    .innerJoin("tasks as tt", "tt.id", "task_links.to_task_id");
  if (query.planId !== undefined) q = q.where("ft.plan_id", "=", query.planId);
  if (query.state) q = q.where("task_links.state", "=", query.state);
  if (query.includeConfidential === false)
    q = q.where("ft.confidential", "=", 0).where("tt.confidential", "=", 0);
  const rows = await q
    .innerJoin("plans as fp", "fp.id", "ft.plan_id")
    .innerJoin("plans as tp", "tp.id", "tt.plan_id")
    .selectAll("task_links")
    .select([
      "ft.number as f_number",
      "ft.name as f_name",
      "fp.id as f_plan_id",
      "fp.number as f_plan_number",
      "fp.title as f_plan_title",
      "tt.number as t_number",
      "tt.name as t_name",
      "tp.id as t_plan_id",
      "tp.number as t_plan_number",
      "tp.title as t_plan_title",
    ])
    .orderBy("task_links.score", "desc")
    .orderBy("task_links.id")
    .limit(Math.min(query.limit ?? 50, 500))
    .offset(query.offset ?? 0)
    .execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const items = rows.map(
    ({
      f_number,
      f_name,
      f_plan_id,
      f_plan_number,
      f_plan_title,
      t_number,
      t_name,
      t_plan_id,
      t_plan_number,
      t_plan_title,
      ...link
    }) => ({
      ...link,
      from: {
        id: link.from_task_id,
        number: f_number,
        name: f_name,
        plan_id: f_plan_id,
        plan_number: f_plan_number,
        plan_title: f_plan_title,
      },
      to: {
        id: link.to_task_id,
        number: t_number,
        name: t_name,
        plan_id: t_plan_id,
        plan_number: t_plan_number,
        plan_title: t_plan_title,
      },
    }),
  );
  return { items, total: Number(n) };
}

export async function findLink(db: Db, id: number): Promise<TaskLinkRow | undefined> {
  return db.selectFrom("task_links").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Confirms or rejects a link; returns the updated row, undefined when there is none. */
export async function decideLink(
  db: Db,
  id: number,
  decision: { state: "confirmed" | "rejected"; decidedBy: number; at: string },
): Promise<TaskLinkRow | undefined> {
  return db
    .updateTable("task_links")
    .set({ state: decision.state, decided_by: decision.decidedBy, decided_at: decision.at })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

/** A task in force confirmed as restating one of the listed tasks: its plan, for "also in". */
export type RestatingTask = {
  restated_task_id: number;
  task_id: number;
  number: string | null;
  plan_id: number;
  plan_number: string | null;
  plan_title: string | null;
  plan_issuer: string | null;
};

/**
 * The tasks in force confirmed as restating these tasks (those the reader may see), so a list
 * that shows the work once can name every plan holding it (TaskFilter.oncePerWork).
 */
export async function restatingTasks(
  db: Db,
  taskIds: readonly number[],
  includeConfidential: boolean,
): Promise<RestatingTask[]> {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom("task_links")
    .innerJoin("tasks", "tasks.id", "task_links.from_task_id")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select([
      "task_links.to_task_id as restated_task_id",
      "tasks.id as task_id",
      "tasks.number",
      "plans.id as plan_id",
      "plans.number as plan_number",
      "plans.title as plan_title",
      "plans.issuer as plan_issuer",
    ])
    .where("task_links.to_task_id", "in", [...taskIds])
    .where("task_links.kind", "=", "restates")
    .where("task_links.state", "=", "confirmed")
    .where("tasks.removed_at", "is", null)
    .where("tasks.cancelled_at", "is", null)
    .$if(!includeConfidential, (q) => q.where("tasks.confidential", "=", 0))
    .orderBy("task_links.to_task_id")
    .orderBy("plans.id")
    .execute();
}
