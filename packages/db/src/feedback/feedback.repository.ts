import { fold } from "@giamsat/core";
import type { Insertable, Kysely, Updateable } from "kysely";
import type {
  Database,
  Feedback,
  FeedbackFile,
  FeedbackFilesTable,
  FeedbackTable,
  NewFeedback,
} from "../schema.js";

import { containsWord } from "../repositories/like.js";

type Db = Kysely<Database>;

/** A submission with the task it is about (number, name, plan number, lead unit), if any. */
export type FeedbackRow = Feedback & {
  task_number: string | null;
  task_name: string | null;
  task_lead_org_id: number | null;
  task_confidential: number | null;
  plan_number: string | null;
  field_name: string | null;
  field_unit_id: number | null;
  merged_into_code: string | null;
};

export async function insertFeedback(db: Db, row: NewFeedback): Promise<Feedback> {
  return db.insertInto("feedback").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function feedbackByCode(db: Db, code: string): Promise<Feedback | undefined> {
  return db.selectFrom("feedback").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function feedbackById(db: Db, id: number): Promise<Feedback | undefined> {
  return db.selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirst();
}

/** An earlier open submission with the same folded content (a duplicate). */
export async function feedbackByContentKey(db: Db, key: string): Promise<Feedback | undefined> {
  return db
    .selectFrom("feedback")
    .selectAll()
    .where("content_key", "=", key)
    .where("status", "!=", "rejected")
    .orderBy("id")
    .executeTakeFirst();
}

export async function updateFeedback(
  db: Db,
  id: number,
  patch: Updateable<FeedbackTable>,
): Promise<Feedback> {
  return db
    .updateTable("feedback")
    .set(patch)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type FeedbackFilter = {
  /** null: every unit (the monitoring department); else only submissions routed to these */
  units: readonly number[] | null;
  status?: string;
  kind?: string;
  /** routed and still unanswered with a deadline before this day */
  overdueOn?: string;
  id?: number;
};

/** The handling queue, newest first (at most 500), with each submission's task. */
export async function listFeedback(db: Db, filter: FeedbackFilter): Promise<FeedbackRow[]> {
  let q = db
    .selectFrom("feedback as f")
    .leftJoin("tasks as t", "t.id", "f.task_id")
    .leftJoin("plans as p", "p.id", "t.plan_id")
    .leftJoin("feedback_fields as ff", "ff.id", "f.field_id")
    .leftJoin("feedback as m", "m.id", "f.merged_into_id")
    .selectAll("f")
    .select([
      "t.number as task_number",
      "t.name as task_name",
      "t.lead_org_id as task_lead_org_id",
      "t.confidential as task_confidential",
      "p.number as plan_number",
      "ff.name as field_name",
      "ff.unit_id as field_unit_id",
      "m.code as merged_into_code",
    ])
    .orderBy("f.id", "desc")
    .limit(500);
  const { units, status, kind, overdueOn, id } = filter;
  if (units !== null) q = q.where("f.unit_id", "in", units.length ? [...units] : [-1]);
  if (status) q = q.where("f.status", "=", status);
  if (kind) q = q.where("f.kind", "=", kind);
  if (overdueOn) q = q.where("f.status", "=", "routed").where("f.deadline", "<", overdueOn);
  if (id !== undefined) q = q.where("f.id", "=", id);
  return q.execute();
}

export type NewFeedbackFile = Omit<Insertable<FeedbackFilesTable>, "feedback_id">;

export async function insertFeedbackFiles(
  db: Db,
  feedbackId: number,
  files: readonly NewFeedbackFile[],
): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto("feedback_files")
    .values(files.map((f) => ({ ...f, feedback_id: feedbackId })))
    .execute();
}

/** A submission's attachments, in the order they were sent. */
export async function feedbackFiles(db: Db, feedbackId: number): Promise<FeedbackFile[]> {
  return db
    .selectFrom("feedback_files")
    .selectAll()
    .where("feedback_id", "=", feedbackId)
    .orderBy("id")
    .execute();
}

export async function feedbackFileById(db: Db, id: number): Promise<FeedbackFile | undefined> {
  return db.selectFrom("feedback_files").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Tasks a visitor may name on the feedback form: of published plans, not confidential, removed or cancelled. */
function publicTasks(db: Db) {
  return db
    .selectFrom("tasks")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .where("plans.published_at", "is not", null)
    .where("tasks.confidential", "=", 0)
    .where("tasks.removed_at", "is", null)
    .where("tasks.cancelled_at", "is", null);
}

/** The public tasks with every word of `text` in the folded name (diacritics optional), or the number. */
export async function searchPublicTasks(
  db: Db,
  text: string,
  limit: number,
): Promise<{ id: number; number: string | null; name: string; plan_number: string | null }[]> {
  const words = fold(text).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  return publicTasks(db)
    .select(["tasks.id", "tasks.number", "tasks.name", "plans.number as plan_number"])
    .where((eb) =>
      eb.or([
        eb.and(words.map((w) => containsWord("tasks.name_search", w))),
        eb("tasks.number", "=", text.trim()),
      ]),
    )
    .orderBy("tasks.plan_id")
    .orderBy("tasks.ordinal")
    .limit(limit)
    .execute();
}

/** Whether a visitor may name this task (the tasks searchPublicTasks finds). */
export async function isPublicTask(db: Db, taskId: number): Promise<boolean> {
  const row = await publicTasks(db)
    .select("tasks.id")
    .where("tasks.id", "=", taskId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Routed submissions still waiting for the unit's answer, with the unit's name (the daily reminders). */
export async function routedFeedback(db: Db) {
  return db
    .selectFrom("feedback as f")
    .innerJoin("organisations as o", "o.id", "f.unit_id")
    .select([
      "f.id",
      "f.code",
      "f.kind",
      "f.title",
      "f.deadline",
      "f.unit_id",
      "o.name as unit_name",
    ])
    .where("f.status", "=", "routed")
    .where("f.deadline", "is not", null)
    .orderBy("f.id")
    .execute();
}

/** The duplicates merged into a submission (answered by it). */
export async function feedbackMergedInto(db: Db, id: number): Promise<Feedback[]> {
  return db
    .selectFrom("feedback")
    .selectAll()
    .where("merged_into_id", "=", id)
    .orderBy("id")
    .execute();
}
