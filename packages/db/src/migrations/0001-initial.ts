/** The initial schema (see ../schema.ts for the meaning of every column). */
import { sql } from "kysely";
import { createTableWithId, nowIso } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  const now = nowIso(db);

  await createTableWithId(db, "organisations")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("unit"))
    .addColumn("parent_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("search", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("organisations_search")
    .on("organisations")
    .column("search")
    .execute();
  await db.schema
    .createIndex("organisations_parent")
    .on("organisations")
    .column("parent_id")
    .execute();

  await createTableWithId(db, "org_aliases")
    .addColumn("org_id", "integer", (c) =>
      c.notNull().references("organisations.id").onDelete("cascade"),
    )
    .addColumn("alias", "text", (c) => c.notNull())
    .addColumn("alias_folded", "text", (c) => c.notNull())
    .addUniqueConstraint("org_aliases_unique", ["org_id", "alias_folded"])
    .execute();
  await db.schema
    .createIndex("org_aliases_folded")
    .on("org_aliases")
    .column("alias_folded")
    .execute();

  await createTableWithId(db, "users")
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("user_orgs")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("org_id", "integer", (c) =>
      c.notNull().references("organisations.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("user_orgs_pk", ["user_id", "org_id"])
    .execute();
  await db.schema.createIndex("user_orgs_org").on("user_orgs").column("org_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();

  await createTableWithId(db, "api_tokens")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();

  await createTableWithId(db, "legal_documents")
    .addColumn("kind", "text")
    .addColumn("number", "text")
    .addColumn("date", "text")
    .addColumn("issuer", "text")
    .addColumn("title", "text")
    .addColumn("key", "text", (c) => c.unique())
    .execute();
  await db.schema
    .createIndex("legal_documents_number")
    .on("legal_documents")
    .columns(["number", "date"])
    .execute();

  await createTableWithId(db, "plans")
    .addColumn("document_id", "integer", (c) => c.references("legal_documents.id"))
    .addColumn("kind", "text")
    .addColumn("number", "text")
    .addColumn("date", "text")
    .addColumn("issuer", "text")
    .addColumn("title", "text")
    .addColumn("owner_org_id", "integer", (c) =>
      c.references("organisations.id").onDelete("set null"),
    )
    .addColumn("draft", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("source_hash", "text", (c) => c.notNull())
    .addColumn("source_name", "text", (c) => c.notNull())
    .addColumn("warnings", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("imported_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("imported_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "text")
    .execute();
  await db.schema.createIndex("plans_source_hash").on("plans").column("source_hash").execute();
  await db.schema
    .createIndex("plans_number_date")
    .on("plans")
    .columns(["number", "date"])
    .execute();

  await createTableWithId(db, "appendices")
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("columns", "text", (c) => c.notNull())
    .addUniqueConstraint("appendices_plan_ordinal", ["plan_id", "ordinal"])
    .execute();

  await createTableWithId(db, "task_groups")
    .addColumn("appendix_id", "integer", (c) =>
      c.notNull().references("appendices.id").onDelete("cascade"),
    )
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("role", "text")
    .execute();
  await db.schema
    .createIndex("task_groups_appendix")
    .on("task_groups")
    .column("appendix_id")
    .execute();

  await createTableWithId(db, "tasks")
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("appendix_id", "integer", (c) =>
      c.notNull().references("appendices.id").onDelete("cascade"),
    )
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("number", "text")
    .addColumn("ref_number", "text")
    .addColumn("group_path", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("role", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_search", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("leader", "text")
    .addColumn("lead_org_id", "integer", (c) =>
      c.references("organisations.id").onDelete("set null"),
    )
    .addColumn("output", "text")
    .addColumn("deadline_raw", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("deadline_kind", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("start_date", "text")
    .addColumn("recurrence", "text")
    .addColumn("deadline_note", "text")
    .addColumn("basis", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("extra", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("completed_on", "text")
    .addColumn("confidential", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("removed_at", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text")
    .addCheckConstraint("tasks_name_not_blank", sql`length(trim(name)) > 0`)
    .execute();
  await db.schema.createIndex("tasks_plan").on("tasks").columns(["plan_id", "ordinal"]).execute();
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
  await db.schema.createIndex("tasks_due").on("tasks").column("due_date").execute();
  await db.schema.createIndex("tasks_appendix").on("tasks").column("appendix_id").execute();

  await createTableWithId(db, "task_orgs")
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("raw", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("scope", "text")
    .addColumn("resolved", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("task_orgs_task").on("task_orgs").column("task_id").execute();
  await db.schema
    .createIndex("task_orgs_org")
    .on("task_orgs")
    .columns(["org_id", "role", "task_id"])
    .execute();

  await createTableWithId(db, "milestones")
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("output", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("deadline_raw", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("deadline_kind", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("start_date", "text")
    .addColumn("recurrence", "text")
    .addColumn("deadline_note", "text")
    .addColumn("line", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("milestones_task").on("milestones").column("task_id").execute();

  await createTableWithId(db, "indicators")
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("appendix_id", "integer", (c) =>
      c.notNull().references("appendices.id").onDelete("cascade"),
    )
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("number", "text")
    .addColumn("ref_number", "text")
    .addColumn("parent_number", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_search", "text", (c) => c.notNull())
    .addColumn("unit", "text")
    .addColumn("target", "text")
    .addColumn("leader", "text")
    .addColumn("lead_org_id", "integer", (c) =>
      c.references("organisations.id").onDelete("set null"),
    )
    .addColumn("frequency", "text")
    .addColumn("basis", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("line", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("indicators_plan")
    .on("indicators")
    .columns(["plan_id", "ordinal"])
    .execute();

  await createTableWithId(db, "indicator_orgs")
    .addColumn("indicator_id", "integer", (c) =>
      c.notNull().references("indicators.id").onDelete("cascade"),
    )
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("raw", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("scope", "text")
    .addColumn("resolved", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("indicator_orgs_indicator")
    .on("indicator_orgs")
    .column("indicator_id")
    .execute();

  await createTableWithId(db, "indicator_periods")
    .addColumn("indicator_id", "integer", (c) =>
      c.notNull().references("indicators.id").onDelete("cascade"),
    )
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("targets", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("indicator_periods_indicator")
    .on("indicator_periods")
    .column("indicator_id")
    .execute();

  await createTableWithId(db, "indicator_activities")
    .addColumn("indicator_id", "integer", (c) =>
      c.notNull().references("indicators.id").onDelete("cascade"),
    )
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("output", "text")
    .addColumn("frequency", "text")
    .execute();
  await db.schema
    .createIndex("indicator_activities_indicator")
    .on("indicator_activities")
    .column("indicator_id")
    .execute();

  await createTableWithId(db, "task_links")
    .addColumn("from_task_id", "integer", (c) =>
      c.notNull().references("tasks.id").onDelete("cascade"),
    )
    .addColumn("to_task_id", "integer", (c) =>
      c.notNull().references("tasks.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("score", "real", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("state", "text", (c) => c.notNull().defaultTo("proposed"))
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("task_links_pair", ["from_task_id", "to_task_id"])
    .execute();
  await db.schema.createIndex("task_links_to").on("task_links").column("to_task_id").execute();

  await createTableWithId(db, "reporting_calendars")
    .addColumn("plan_id", "integer", (c) =>
      c.notNull().unique().references("plans.id").onDelete("cascade"),
    )
    .addColumn("frequency", "text", (c) => c.notNull())
    .addColumn("due_day", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await createTableWithId(db, "progress_reports")
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("org_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("completed_on", "text")
    .addColumn("progress", "integer")
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("difficulties", "text")
    .addColumn("proposals", "text")
    .addColumn("submitted_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("submitted"))
    .addColumn("supersedes_id", "integer", (c) => c.references("progress_reports.id"))
    .execute();
  await db.schema
    .createIndex("progress_reports_task")
    .on("progress_reports")
    .columns(["task_id", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("progress_reports_status")
    .on("progress_reports")
    .columns(["status", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("progress_reports_org")
    .on("progress_reports")
    .columns(["org_id", "period_key"])
    .execute();

  await createTableWithId(db, "evidence")
    .addColumn("report_id", "integer", (c) =>
      c.notNull().references("progress_reports.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text")
    .addColumn("mime", "text")
    .addColumn("size", "integer")
    .addColumn("storage_path", "text")
    .addColumn("sha256", "text")
    .addColumn("reference", "text")
    .addColumn("url", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("evidence_report").on("evidence").column("report_id").execute();

  await createTableWithId(db, "reviews")
    .addColumn("report_id", "integer", (c) =>
      c.notNull().references("progress_reports.id").onDelete("cascade"),
    )
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("reviewer_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("reviewed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reviews_report").on("reviews").column("report_id").execute();

  await createTableWithId(db, "change_requests")
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("proposed_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("proposed"))
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("decision_comment", "text")
    .execute();
  await db.schema
    .createIndex("change_requests_task")
    .on("change_requests")
    .column("task_id")
    .execute();
  await db.schema
    .createIndex("change_requests_status")
    .on("change_requests")
    .columns(["status", "proposed_at"])
    .execute();

  await createTableWithId(db, "task_versions")
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("task_versions_unique", ["task_id", "version"])
    .execute();

  await createTableWithId(db, "audit_events")
    .addColumn("at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("reason", "text")
    .execute();
  await db.schema
    .createIndex("audit_events_entity")
    .on("audit_events")
    .columns(["entity", "entity_id"])
    .execute();
  await db.schema.createIndex("audit_events_at").on("audit_events").column("at").execute();

  await createTableWithId(db, "plan_imports")
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("source_hash", "text", (c) => c.notNull())
    .addColumn("source_name", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("plan_imports_plan").on("plan_imports").column("plan_id").execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "plan_imports",
    "audit_events",
    "task_versions",
    "change_requests",
    "reviews",
    "evidence",
    "progress_reports",
    "reporting_calendars",
    "task_links",
    "indicator_activities",
    "indicator_periods",
    "indicator_orgs",
    "indicators",
    "milestones",
    "task_orgs",
    "tasks",
    "task_groups",
    "appendices",
    "plans",
    "legal_documents",
    "api_tokens",
    "sessions",
    "user_orgs",
    "users",
    "org_aliases",
    "organisations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
