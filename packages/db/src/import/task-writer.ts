/** Writes one task's content (columns, units, milestones) into the database. */
import { fold } from "@giamsat/core";
import type { Deadline } from "@giamsat/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { OrgResolver } from "./org-resolver.js";
import type { TaskContent } from "./task-content.js";

type Db = Kysely<Database>;

const deadlineColumns = (d: Deadline) => ({
  deadline_raw: d.raw,
  deadline_kind: d.kind,
  due_date: d.due,
  start_date: d.start,
  recurrence: d.recurrence,
  deadline_note: d.note,
});

async function taskColumns(content: TaskContent, orgs: OrgResolver) {
  let leadOrgId: number | null = null;
  for (const ref of content.lead) {
    leadOrgId = await orgs.resolve(ref);
    if (leadOrgId !== null) break;
  }
  return {
    number: content.number,
    ref_number: content.refNumber,
    group_path: JSON.stringify(content.groupPath),
    role: content.role,
    name: content.name,
    name_search: fold(content.name),
    kind: content.kind,
    leader: content.leader,
    leader_search: content.leader === null ? null : fold(content.leader),
    lead_org_id: leadOrgId,
    output: content.output,
    ...deadlineColumns(content.deadline),
    basis: JSON.stringify(content.basis),
    extra: JSON.stringify(content.extra),
  };
}

async function writeChildren(
  db: Db,
  taskId: number,
  content: TaskContent,
  milestoneLines: readonly number[],
  orgs: OrgResolver,
  keptUnits: KeptUnits = new Set(),
) {
  const lead = keptUnits.has("lead") ? [] : content.lead;
  const coordinators = keptUnits.has("coordinators") ? [] : content.coordinators;
  const orgRows = (await orgs.rows(lead, coordinators)).map((r) => ({
    ...r,
    task_id: taskId,
  }));
  if (orgRows.length) await db.insertInto("task_orgs").values(orgRows).execute();
  if (content.milestones.length) {
    await db
      .insertInto("milestones")
      .values(
        content.milestones.map((m, i) => ({
          task_id: taskId,
          ordinal: i + 1,
          name: m.name,
          output: m.output,
          kind: m.kind,
          line: milestoneLines[i] ?? 0,
          ...deadlineColumns(m.deadline),
        })),
      )
      .execute();
  }
}

export interface TaskPlace {
  planId: number;
  appendixId: number;
  ordinal: number;
  line: number;
  /** lines of the milestones, in order */
  milestoneLines: number[];
}

export async function insertTask(
  db: Db,
  place: TaskPlace,
  content: TaskContent,
  orgs: OrgResolver,
): Promise<number> {
  const row = await db
    .insertInto("tasks")
    .values({
      plan_id: place.planId,
      appendix_id: place.appendixId,
      ordinal: place.ordinal,
      line: place.line,
      ...(await taskColumns(content, orgs)),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await writeChildren(db, row.id, content, place.milestoneLines, orgs);
  return row.id;
}

/**
 * The unit lists a decision after import set (kept-corrections.ts): their stored rows stay as
 * they are, never resolved again by name.
 */
export type KeptUnits = ReadonlySet<string>;

/** Replaces a stored task's content (its units and milestones are rewritten, kept units aside). */
export async function updateTask(
  db: Db,
  taskId: number,
  place: TaskPlace,
  content: TaskContent,
  orgs: OrgResolver,
  keptUnits: KeptUnits = new Set(),
): Promise<void> {
  const { lead_org_id, ...columns } = await taskColumns(content, orgs);
  await db
    .updateTable("tasks")
    .set({
      appendix_id: place.appendixId,
      ordinal: place.ordinal,
      line: place.line,
      ...columns,
      ...(keptUnits.has("lead") ? {} : { lead_org_id }),
    })
    .where("id", "=", taskId)
    .execute();
  const roles = (["lead", "coordinators"] as const).filter((r) => !keptUnits.has(r));
  if (roles.length)
    await db
      .deleteFrom("task_orgs")
      .where("task_id", "=", taskId)
      .where(
        "role",
        "in",
        roles.map((r) => (r === "lead" ? "lead" : "coordinator")),
      )
      .execute();
  await db.deleteFrom("milestones").where("task_id", "=", taskId).execute();
  await writeChildren(db, taskId, content, place.milestoneLines, orgs, keptUnits);
}
