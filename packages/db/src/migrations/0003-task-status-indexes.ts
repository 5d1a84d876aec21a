/**
 * Status counts and status filters read only tasks in force (not removed by an amended plan,
 * not cancelled): partial indexes holding exactly those rows, with every column the status
 * expression reads, let both databases answer them from the index alone.
 */
import { sql } from "kysely";
import type { AnyDb } from "./migration.helpers.js";

const IN_FORCE = sql<boolean>`removed_at IS NULL AND cancelled_at IS NULL`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("tasks_plan_status").execute();
  await db.schema.dropIndex("tasks_lead_status").execute();
  await db.schema
    .createIndex("tasks_plan_status")
    .on("tasks")
    .columns(["plan_id", "kind", "due_date", "completed_on", "confidential"])
    .where(IN_FORCE)
    .execute();
  await db.schema
    .createIndex("tasks_lead_status")
    .on("tasks")
    .columns(["lead_org_id", "kind", "due_date", "completed_on", "confidential"])
    .where(IN_FORCE)
    .execute();
  await db.schema
    .createIndex("tasks_status")
    .on("tasks")
    .columns(["kind", "due_date", "completed_on", "confidential"])
    .where(IN_FORCE)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("tasks_status").execute();
  await db.schema.dropIndex("tasks_lead_status").execute();
  await db.schema.dropIndex("tasks_plan_status").execute();
  await db.schema
    .createIndex("tasks_plan_status")
    .on("tasks")
    .columns(["plan_id", "kind", "due_date", "completed_on"])
    .execute();
  await db.schema
    .createIndex("tasks_lead_status")
    .on("tasks")
    .columns(["lead_org_id", "kind", "due_date", "completed_on"])
    .execute();
}
