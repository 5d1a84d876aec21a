/**
 * Row builders for tests: each inserts one row with plausible defaults (overridable) and the
 * rows it needs (a task builds its plan and appendix when not given), and returns the row.
 */
import { fold } from "@giamsat/core";
import type { Insertable, Kysely, Selectable } from "kysely";
import type {
  Database,
  OrganisationsTable,
  PlansTable,
  ProgressReportsTable,
  TasksTable,
  UsersTable,
} from "../schema.js";

type Db = Kysely<Database>;
let counter = 0;
const next = () => ++counter;

export async function buildOrganisation(
  db: Db,
  overrides: Partial<Insertable<OrganisationsTable>> = {},
): Promise<Selectable<OrganisationsTable>> {
  const name = overrides.name ?? `Cục Thử nghiệm ${next()}`;
  return db
    .insertInto("organisations")
    .values({ kind: "unit", search: fold(name), ...overrides, name })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user; `orgIds` (default: [org_id] when set) become the user's units in user_orgs. */
export async function buildUser(
  db: Db,
  overrides: Partial<Insertable<UsersTable>> & { orgIds?: number[] } = {},
): Promise<Selectable<UsersTable>> {
  const { orgIds, ...values } = overrides;
  const n = next();
  const user = await db
    .insertInto("users")
    .values({
      username: `user${n}`,
      display_name: `Người dùng ${n}`,
      password_hash: "test-only-not-a-hash",
      role: "unit_staff",
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const units = orgIds ?? (user.org_id !== null ? [user.org_id] : []);
  if (units.length > 0) {
    await db
      .insertInto("user_orgs")
      .values(units.map((org_id) => ({ user_id: user.id, org_id })))
      .execute();
  }
  return user;
}

export async function buildPlan(
  db: Db,
  overrides: Partial<Insertable<PlansTable>> = {},
): Promise<Selectable<PlansTable> & { appendixId: number }> {
  const n = next();
  const plan = await db
    .insertInto("plans")
    .values({
      kind: "Quyết định",
      number: `${n}/QĐ-TEST`,
      date: "2026-03-31",
      issuer: "Bộ Thử nghiệm",
      title: `Kế hoạch thử nghiệm ${n}`,
      source_hash: `hash-${n}`,
      source_name: `plan-${n}.txt`,
      draft: 0,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const appendix = await db
    .insertInto("appendices")
    .values({ plan_id: plan.id, ordinal: 1, title: "PHỤ LỤC I", kind: "tasks", columns: "[]" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ...plan, appendixId: appendix.id };
}

/** A time-bound task due 2026-12-31 (override due_date/kind/…); builds a plan when none given. */
export async function buildTask(
  db: Db,
  overrides: Partial<Insertable<TasksTable>> = {},
): Promise<Selectable<TasksTable>> {
  let { plan_id, appendix_id } = overrides;
  if (plan_id === undefined) {
    const plan = await buildPlan(db);
    plan_id = plan.id;
    appendix_id ??= plan.appendixId;
  } else if (appendix_id === undefined) {
    const appendix = await db
      .selectFrom("appendices")
      .select("id")
      .where("plan_id", "=", plan_id)
      .orderBy("ordinal")
      .executeTakeFirstOrThrow();
    appendix_id = appendix.id;
  }
  const n = next();
  const name = overrides.name ?? `Nhiệm vụ thử nghiệm ${n}`;
  const task = await db
    .insertInto("tasks")
    .values({
      ordinal: n,
      number: String(n),
      kind: "time-bound",
      deadline_raw: "Tháng 12/2026",
      deadline_kind: "date",
      due_date: "2026-12-31",
      line: n,
      name_search: fold(name),
      leader_search: overrides.leader ? fold(overrides.leader) : null,
      ...overrides,
      name,
      plan_id,
      appendix_id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (task.lead_org_id !== null) {
    const org = await db
      .selectFrom("organisations")
      .select("name")
      .where("id", "=", task.lead_org_id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("task_orgs")
      .values({
        task_id: task.id,
        role: "lead",
        ordinal: 1,
        org_id: task.lead_org_id,
        raw: org.name,
        name: org.name,
        kind: "unit",
        resolved: 1,
      })
      .execute();
  }
  return task;
}

/** A submitted progress report on a task (override status/state/completed_on/…). */
export async function buildReport(
  db: Db,
  overrides: Partial<Insertable<ProgressReportsTable>> & { task_id: number; submitted_by: number },
): Promise<Selectable<ProgressReportsTable>> {
  return db
    .insertInto("progress_reports")
    .values({
      period_key: "2026-03",
      state: "in_progress",
      summary: "Đang triển khai",
      submitted_at: new Date().toISOString(),
      status: "submitted",
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
