/**
 * What a plan import leaves besides the plan: the plan_imports row (source hash, summary of the
 * changes, fingerprints of the parts replaced as a whole) and the outcome returned to callers.
 */
import { createHash } from "node:crypto";
import type { ImportResult } from "@giamsat/core";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";
import type { PlanDiff } from "./plan-diff.js";

type Tx = Transaction<Database>;

export interface ImportSource {
  /** sha256 (hex) of the file's bytes, see sha256Hex */
  hash: string;
  /** file name as given */
  name: string;
}

export interface ImportActor {
  userId: number | null;
}

export interface StorePlanOutcome {
  planId: number;
  /** a new plan was created */
  created: boolean;
  /** nothing was written (the same file or identical content was already stored) */
  unchanged: boolean;
  /** for a new plan every task is in `added` */
  changes: PlanDiff;
  /** tasks and indicators now in force in the plan */
  tasks: number;
  indicators: number;
  /** unit references kept as raw text because the directory did not know them */
  unresolvedOrgs: number;
  /** organisations this import added to the directory */
  addedOrganisations: number;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** What the last applied import held beyond the tasks, to detect changes cheaply. */
export interface Fingerprints {
  appendices: string;
  indicators: string;
}

export function fingerprints(result: ImportResult): Fingerprints {
  const of = (value: unknown) => sha256Hex(JSON.stringify(value));
  return {
    appendices: of(result.appendices.map((a) => [a.title, a.kind, a.columns, a.groups])),
    indicators: of(result.appendices.map((a) => a.indicators)),
  };
}

export async function recordImport(
  trx: Tx,
  planId: number,
  source: ImportSource,
  actor: ImportActor,
  result: ImportResult,
  changes: PlanDiff,
): Promise<void> {
  await trx
    .insertInto("plan_imports")
    .values({
      plan_id: planId,
      source_hash: source.hash,
      source_name: source.name,
      result: JSON.stringify({
        fingerprints: fingerprints(result),
        warnings: result.warnings.length,
        added: changes.added.length,
        removed: changes.removed.length,
        changed: changes.changed.map((c) => ({
          taskId: c.taskId,
          fields: c.fields.map((f) => f.field),
        })),
        plan: changes.plan,
      }),
      by: actor.userId,
    })
    .execute();
}

export async function lastFingerprints(trx: Tx, planId: number): Promise<Fingerprints | null> {
  const last = await trx
    .selectFrom("plan_imports")
    .select("result")
    .where("plan_id", "=", planId)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return last
    ? ((JSON.parse(last.result) as { fingerprints?: Fingerprints }).fingerprints ?? null)
    : null;
}

/** The outcome of storePlan, with the plan's figures as stored now. */
export async function outcome(
  trx: Tx,
  planId: number,
  flags: { created: boolean; unchanged: boolean },
  changes: PlanDiff,
  addedOrganisations: number,
): Promise<StorePlanOutcome> {
  const count = async (q: Promise<{ n: number }>) => Number((await q).n);
  const tasks = await count(
    trx
      .selectFrom("tasks")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("plan_id", "=", planId)
      .where("removed_at", "is", null)
      .executeTakeFirstOrThrow(),
  );
  const indicators = await count(
    trx
      .selectFrom("indicators")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow(),
  );
  const unresolvedOrgs = await count(
    trx
      .selectFrom("task_orgs")
      .innerJoin("tasks", "tasks.id", "task_orgs.task_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tasks.plan_id", "=", planId)
      .where("tasks.removed_at", "is", null)
      .where("task_orgs.org_id", "is", null)
      .executeTakeFirstOrThrow(),
  );
  return { planId, ...flags, changes, tasks, indicators, unresolvedOrgs, addedOrganisations };
}
