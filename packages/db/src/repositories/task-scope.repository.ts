/** What the authorisation of a task needs, in one query: its row's flags and its units. */
import type { Kysely } from "kysely";
import { prepared } from "../pg-prepared-statements.js";
import type { CalendarFrequency, Database } from "../schema.js";

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

/** A task's scope and what a report on it needs: its plan's calendar and its units' settings. */
export type ReportTargetRow = TaskScopeRow & {
  /** the plan's own calendar (null: the default one) */
  calendar: { frequency: CalendarFrequency; dueDay: number } | null;
  units: { id: number; name: string; signoffRequired: boolean }[];
};

function scopeRows(db: Db, id: number) {
  return db
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
    .modifyEnd(prepared);
}

type ScopeRow = Omit<TaskScopeRow, "unitIds"> & { org_id: number | null };

function scopeOf(rows: readonly ScopeRow[]): TaskScopeRow | undefined {
  const [first] = rows;
  if (!first) return undefined;
  return {
    id: first.id,
    plan_id: first.plan_id,
    kind: first.kind,
    confidential: first.confidential,
    cancelled_at: first.cancelled_at,
    removed_at: first.removed_at,
    unitIds: rows.flatMap((o) => (o.org_id === null ? [] : [o.org_id])),
  };
}

export async function findTaskScope(db: Db, id: number): Promise<TaskScopeRow | undefined> {
  return scopeOf(await scopeRows(db, id).execute());
}

/** The scope with the plan's calendar and the units' names and sign-off setting (one query). */
export async function findReportTarget(db: Db, id: number): Promise<ReportTargetRow | undefined> {
  const rows = await scopeRows(db, id)
    .leftJoin("reporting_calendars", "reporting_calendars.plan_id", "tasks.plan_id")
    .leftJoin("organisations", "organisations.id", "task_orgs.org_id")
    .select([
      "reporting_calendars.frequency",
      "reporting_calendars.due_day",
      "organisations.name",
      "organisations.signoff_required",
    ])
    .execute();
  const scope = scopeOf(rows);
  if (!scope) return undefined;
  const { frequency, due_day } = rows[0]!;
  return {
    ...scope,
    calendar: frequency && due_day !== null ? { frequency, dueDay: due_day } : null,
    units: rows.flatMap((o) =>
      o.org_id === null || o.name === null
        ? []
        : [{ id: o.org_id, name: o.name, signoffRequired: o.signoff_required === 1 }],
    ),
  };
}
