/**
 * Stores an imported plan (the import contract's ImportResult) in ONE transaction:
 * - the same source file again (same sha256), or the same document with identical content,
 *   changes nothing;
 * - a new version of a stored document (same number) is compared with what is stored, task by
 *   task (appendix + group + number), and the differences are applied as a recorded change
 *   (task_versions + audit_events, reason "Cập nhật từ văn bản sửa đổi"); tasks the new version
 *   no longer has are marked removed, never deleted (their reports stay);
 * - the plan's stored indicator evaluations are marked as waiting (the caller's `afterStore`
 *   stores them again in the same transaction; the list computes waiting ones otherwise);
 * - any error rolls everything back: a failed import leaves nothing behind.
 */
import type { ImportResult } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely, Transaction } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import { recordAudit } from "../repositories/audit.repository.js";
import { markPlanIndicatorEvaluationsOutdated } from "../repositories/indicators/indicator-evaluation.repository.js";
import type { Database, Plan } from "../schema.js";
import { insertIndicators, replaceGroups } from "./appendix-writer.js";
import type { KeptCorrection } from "./kept-corrections.js";
import { OrgResolver } from "./org-resolver.js";
import { emptyDiff, isEmptyDiff } from "./plan-diff.js";
import type { PlanDiff } from "./plan-diff.js";
import { insertAppendix, legalDocument, ownerOf, planChanges } from "./plan-header.js";
import { fingerprints, lastFingerprints, outcome, recordImport } from "./plan-record.js";
import type { ImportActor, ImportSource, StorePlanOutcome } from "./plan-record.js";
import { applyTaskChanges, compareTasks, insertAllTasks } from "./plan-tasks.js";

export { sha256Hex } from "./plan-record.js";
export type { ImportActor, ImportSource, StorePlanOutcome } from "./plan-record.js";

export const AMENDMENT_REASON = "Cập nhật từ văn bản sửa đổi";

type Tx = Transaction<Database>;

export async function storePlan(
  db: Kysely<Database>,
  result: ImportResult,
  source: ImportSource,
  actor: ImportActor,
  /** Runs in the same transaction once the plan is stored or amended (stored evaluations). */
  afterStore?: (trx: Tx, planId: number) => Promise<void>,
): Promise<StorePlanOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockImports(trx);
    const seen = await trx
      .selectFrom("plan_imports")
      .select("plan_id")
      .where("source_hash", "=", source.hash)
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (seen)
      return outcome(trx, seen.plan_id, { created: false, unchanged: true }, emptyDiff(), 0);
    const existing = await findSameDocument(trx, result);
    const stored = existing
      ? await amendPlan(trx, existing, result, source, actor)
      : await createPlan(trx, result, source, actor);
    await markPlanIndicatorEvaluationsOutdated(trx, stored.planId);
    await afterStore?.(trx, stored.planId);
    return stored;
  });
}

/**
 * Serialises plan imports (a CLI import while the server imports): PostgreSQL takes a
 * transaction-scoped advisory lock; SQLite takes the write lock now with a no-op write (waiting
 * up to busy_timeout) instead of failing when a read transaction later tries to write.
 */
async function lockImports(trx: Tx): Promise<void> {
  if (dialectOf(trx) === "postgres") await sql`SELECT pg_advisory_xact_lock(5960405)`.execute(trx);
  else await sql`UPDATE plans SET id = id WHERE 1 = 0`.execute(trx);
}

/**
 * What re-importing this document into the stored plan would keep of the fields decided after
 * import (for the import preview; nothing is written).
 */
export async function correctionsKept(
  db: Kysely<Database>,
  planId: number,
  result: ImportResult,
): Promise<KeptCorrection[]> {
  return (await compareTasks(db, planId, result)).diff.kept;
}

async function findSameDocument(trx: Tx, result: ImportResult): Promise<Plan | undefined> {
  const doc = result.document;
  let q = trx.selectFrom("plans").selectAll();
  if (doc.number) q = q.where("number", "=", doc.number);
  else if (doc.title) {
    q = q.where("number", "is", null).where("title", "=", doc.title);
    q = doc.issuer ? q.where("issuer", "=", doc.issuer) : q.where("issuer", "is", null);
  } else return undefined;
  return q.orderBy("id", "desc").executeTakeFirst();
}

async function createPlan(
  trx: Tx,
  result: ImportResult,
  source: ImportSource,
  actor: ImportActor,
): Promise<StorePlanOutcome> {
  const d = result.document;
  const ownerId = await ownerOf(trx, d.issuer);
  const plan = await trx
    .insertInto("plans")
    .values({
      document_id: await legalDocument(trx, result),
      kind: d.kind,
      number: d.number,
      date: d.date,
      issuer: d.issuer,
      title: d.title,
      owner_org_id: ownerId,
      draft: d.draft ? 1 : 0,
      source_hash: source.hash,
      source_name: source.name,
      warnings: JSON.stringify(result.warnings),
      imported_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const orgs = new OrgResolver(trx, ownerId);
  const appendixIds: number[] = [];
  for (const [i, a] of result.appendices.entries()) {
    const id = await insertAppendix(trx, plan.id, i + 1, a);
    appendixIds.push(id);
    await replaceGroups(trx, id, a);
  }
  const added = await insertAllTasks(trx, plan.id, appendixIds, result, orgs);
  await writeIndicators(trx, plan.id, appendixIds, result, orgs);
  const changes: PlanDiff = { ...emptyDiff(), added };
  await recordImport(trx, plan.id, source, actor, result, changes);
  await recordAudit(trx, {
    actorId: actor.userId,
    action: "plan.import",
    entity: "plan",
    entityId: plan.id,
    after: {
      number: d.number,
      date: d.date,
      title: d.title,
      source: source.name,
      tasks: added.length,
    },
    reason: null,
  });
  return outcome(trx, plan.id, { created: true, unchanged: false }, changes, orgs.added.length);
}

async function writeIndicators(
  trx: Tx,
  planId: number,
  appendixIds: readonly number[],
  result: ImportResult,
  orgs: OrgResolver,
): Promise<void> {
  let ordinal = 1;
  for (const [i, a] of result.appendices.entries()) {
    const appendixId = appendixIds[i] as number;
    await insertIndicators(trx, { planId, appendixId, firstOrdinal: ordinal }, a.indicators, orgs);
    ordinal += a.indicators.length;
  }
}

async function amendPlan(
  trx: Tx,
  plan: Plan,
  result: ImportResult,
  source: ImportSource,
  actor: ImportActor,
): Promise<StorePlanOutcome> {
  const now = new Date().toISOString();
  const before = await lastFingerprints(trx, plan.id);
  const after = fingerprints(result);
  const orgs = new OrgResolver(trx, plan.owner_org_id);
  const stored = await trx
    .selectFrom("appendices")
    .select(["id", "ordinal"])
    .where("plan_id", "=", plan.id)
    .execute();
  const appendixIds: number[] = [];
  const taskChanges = await compareTasks(trx, plan.id, result);
  const diff: PlanDiff = {
    ...taskChanges.diff,
    plan: planChanges(plan, result),
    appendicesChanged: before?.appendices !== after.appendices,
    indicatorsChanged: before?.indicators !== after.indicators,
  };
  if (isEmptyDiff(diff)) return outcome(trx, plan.id, { created: false, unchanged: true }, diff, 0);

  for (const [i, a] of result.appendices.entries()) {
    const existing = stored.find((s) => s.ordinal === i + 1);
    const id = existing ? existing.id : await insertAppendix(trx, plan.id, i + 1, a);
    if (existing) {
      await trx
        .updateTable("appendices")
        .set({ title: a.title, kind: a.kind, columns: JSON.stringify(a.columns) })
        .where("id", "=", id)
        .execute();
    }
    appendixIds.push(id);
    if (diff.appendicesChanged) await replaceGroups(trx, id, a);
  }
  await applyTaskChanges(trx, taskChanges, appendixIds, orgs, {
    reason: AMENDMENT_REASON,
    actorId: actor.userId,
    at: now,
  });
  if (diff.indicatorsChanged) {
    await trx.deleteFrom("indicators").where("plan_id", "=", plan.id).execute();
    await writeIndicators(trx, plan.id, appendixIds, result, orgs);
  }
  const d = result.document;
  await trx
    .updateTable("plans")
    .set({
      kind: d.kind,
      date: d.date,
      issuer: d.issuer,
      title: d.title,
      draft: d.draft ? 1 : 0,
      document_id: await legalDocument(trx, result),
      source_hash: source.hash,
      source_name: source.name,
      warnings: JSON.stringify(result.warnings),
      updated_at: now,
    })
    .where("id", "=", plan.id)
    .execute();
  await recordImport(trx, plan.id, source, actor, result, diff);
  await recordAudit(trx, {
    actorId: actor.userId,
    action: "plan.amend",
    entity: "plan",
    entityId: plan.id,
    before: Object.fromEntries(diff.plan.map((c) => [c.field, c.before])),
    after: {
      ...Object.fromEntries(diff.plan.map((c) => [c.field, c.after])),
      source: source.name,
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      indicatorsChanged: diff.indicatorsChanged,
    },
    reason: AMENDMENT_REASON,
  });
  return outcome(trx, plan.id, { created: false, unchanged: false }, diff, orgs.added.length);
}
