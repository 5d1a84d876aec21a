import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  itemPlace,
  keepConfirmedProse,
  NotFoundError,
  ValidationError,
  type ImportResult,
  type OrgRef,
  type ReportingCalendar,
} from "@giamsat/core";
import {
  findOrganisation,
  findPlanByNumber,
  findPlanBySourceHash,
  findUnnumberedPlan,
  proposeLinks,
  saveCalendar,
  sha256Hex,
  storePlan,
  upsertDirectory,
  correctionsKept,
  type Database,
  type KeptCorrection,
  type StorePlanOutcome,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import { orgDirectory } from "../directory/org-directory-file.js";
import { parseInWorker, type OnParseProgress } from "../import-worker/parse-in-worker.js";
import { recordProgress } from "../import-progress/import-progress.store.js";
import { canSeeConfidential, requireRole, type Actor } from "./actor.js";
import type { Ctx } from "./context.js";
import { safeFileName } from "./evidence.store.js";
import { refreshPlanIndicatorEvaluations } from "./indicator-evaluation.service.js";

/** A unit name the directory does not know, with where the document names it. */
export type UnresolvedUnit = {
  raw: string;
  name: string;
  count: number;
  lines: number[];
  /** "Phụ lục II, nhiệm vụ 12" for each task or indicator naming it */
  places: string[];
};

export type ImportPreview = {
  uploadId: string;
  fileName: string;
  result: ImportResult;
  unresolved: UnresolvedUnit[];
  /** the stored plan this file is (same bytes) or amends (same number, or same title and
   * issuer): confirming changes nothing or applies the differences to it */
  existingPlan: { id: number; number: string | null } | null;
  /** the reporting rule read from the document, null when it states none */
  calendar: ReportingCalendar | null;
  /** fields of the stored plan's tasks decided after import that the document gives otherwise:
   * confirming keeps them */
  keptCorrections: KeptCorrection[];
};

function allOrgRefs(result: ImportResult): { ref: OrgRef; line: number; place: string }[] {
  return result.appendices.flatMap((a, n) => [
    ...a.tasks.flatMap((t) =>
      [...t.lead, ...t.coordinators].map((ref) => ({
        ref,
        line: t.line,
        place: itemPlace(a, n, t, "task"),
      })),
    ),
    ...a.indicators.flatMap((i) =>
      [...i.lead, ...i.coordinators].map((ref) => ({
        ref,
        line: i.line,
        place: itemPlace(a, n, i, "indicator"),
      })),
    ),
  ]);
}

/**
 * Resolves unit names the importer did not know through the aliases people mapped earlier
 * (POST /api/organisations/:id/aliases): the mapping is remembered for every later import.
 */
async function applyAliases(db: Kysely<Database>, result: ImportResult): Promise<void> {
  const cache = new Map<string, string | null>();
  for (const { ref } of allOrgRefs(result)) {
    if (ref.kind !== "unit" || ref.resolved) continue;
    if (!cache.has(ref.raw)) {
      const org = (await findOrganisation(db, ref.raw)) ?? (await findOrganisation(db, ref.name));
      cache.set(ref.raw, org?.name ?? null);
    }
    const name = cache.get(ref.raw);
    if (name) Object.assign(ref, { name, resolved: true });
  }
}

function unresolvedUnits(result: ImportResult): UnresolvedUnit[] {
  const byRaw = new Map<string, UnresolvedUnit>();
  for (const { ref, line, place } of allOrgRefs(result)) {
    if (ref.kind !== "unit" || ref.resolved) continue;
    const entry = byRaw.get(ref.raw) ?? {
      raw: ref.raw,
      name: ref.name,
      count: 0,
      lines: [],
      places: [],
    };
    entry.count++;
    if (!entry.lines.includes(line)) entry.lines.push(line);
    if (!entry.places.includes(place)) entry.places.push(place);
    byRaw.set(ref.raw, entry);
  }
  return [...byRaw.values()].sort((a, b) => b.count - a.count || a.raw.localeCompare(b.raw, "vi"));
}

/** Reads the document in a worker thread (time and memory limits: parse-in-worker.ts). */
function parse(ctx: Ctx, bytes: Uint8Array, onProgress?: OnParseProgress) {
  return parseInWorker(
    {
      bytes,
      orgsFile: ctx.config.orgsFile,
      ocr: ctx.config.ocrPrograms,
      antiword: ctx.config.antiword,
    },
    ctx.config.importLimits,
    onProgress,
  );
}

/** The stored plan a document amends: the same number, or without one the same title and issuer. */
async function sameDocument(db: Kysely<Database>, result: ImportResult) {
  const doc = result.document;
  if (doc.number) return findPlanByNumber(db, doc.number);
  return doc.title ? findUnnumberedPlan(db, doc.title, doc.issuer ?? null) : undefined;
}

/** The kept corrections this actor may read: those of confidential tasks only for their roles. */
const readable = (actor: Actor, kept: KeptCorrection[]) =>
  canSeeConfidential(actor) ? kept : kept.filter((k) => !k.confidential);

const uploadDir = (ctx: Ctx) => path.join(ctx.config.dataDir, "imports");

/** Reads an uploaded plan document and returns what importing it would store (nothing is stored). */
export async function previewImport(
  ctx: Ctx,
  actor: Actor,
  file: { fileName: string; content: Buffer },
  /** the page's key for the progress bar (`GET /api/imports/progress/:key`) */
  progressKey?: string,
): Promise<ImportPreview> {
  requireRole(actor, "monitor", "admin");
  const fileName = safeFileName(file.fileName);
  const { result, calendar } = await parse(
    ctx,
    file.content,
    progressKey
      ? (done, total) => recordProgress(progressKey, actor.userId, { done, total })
      : undefined,
  );
  await applyAliases(ctx.db, result);
  const uploadId = sha256Hex(file.content);
  await mkdir(uploadDir(ctx), { recursive: true });
  await writeFile(path.join(uploadDir(ctx), uploadId), file.content);
  await writeFile(path.join(uploadDir(ctx), `${uploadId}.json`), JSON.stringify({ fileName }));
  const existing =
    (await findPlanBySourceHash(ctx.db, uploadId)) ?? (await sameDocument(ctx.db, result));
  return {
    uploadId,
    fileName,
    result,
    unresolved: unresolvedUnits(result),
    existingPlan: existing ? { id: existing.id, number: existing.number } : null,
    calendar,
    keptCorrections: existing
      ? readable(actor, await correctionsKept(ctx.db, existing.id, result))
      : [],
  };
}

export type ImportOutcome = StorePlanOutcome & {
  calendar: ReportingCalendar | null;
  proposedLinks: number;
};

/**
 * Stores a plan document in one transaction (storePlan: idempotent, amendments recorded), with
 * the organisation directory, then proposes links to the tasks of plans already stored. A new
 * plan gets the reporting calendar its text states, if any.
 */
export async function importPlanBytes(
  ctx: Ctx,
  actorId: number | null,
  bytes: Uint8Array,
  fileName: string,
  /** positions (from 0) of the tasks read from prose that the monitoring department confirmed */
  confirmedProse: ReadonlySet<number> = new Set(),
): Promise<ImportOutcome> {
  const parsed = await parse(ctx, bytes);
  const { calendar } = parsed;
  const result = keepConfirmedProse(parsed.result, confirmedProse);
  if (result.appendices.length === 0 && parsed.result.appendices.length > 0)
    throw new ValidationError(
      "confirmProse: chưa xác nhận nhiệm vụ nào đọc từ câu văn (văn bản không có bảng nhiệm vụ); hãy đánh dấu trên trang Nhập kế hoạch những nhiệm vụ cần lưu.",
    );
  await upsertDirectory(ctx.db, orgDirectory(ctx.config.orgsFile).entries);
  await applyAliases(ctx.db, result);
  const outcome = await storePlan(
    ctx.db,
    result,
    { hash: sha256Hex(bytes), name: fileName },
    { userId: actorId },
    (trx, planId) => refreshPlanIndicatorEvaluations({ ...ctx, db: trx }, planId),
  );
  if (outcome.created && calendar) {
    await ctx.db.transaction().execute(async (trx) => {
      await saveCalendar(trx, {
        plan_id: outcome.planId,
        frequency: calendar.frequency,
        due_day: calendar.dueDay,
      });
      await refreshPlanIndicatorEvaluations({ ...ctx, db: trx }, outcome.planId);
    });
  }
  const links = outcome.unchanged ? 0 : (await proposeLinks(ctx.db, outcome.planId)).proposed;
  return { ...outcome, calendar, proposedLinks: links };
}

/** Confirms a previewed upload: the same file is parsed again (with the aliases mapped since) and stored. */
export async function confirmImport(
  ctx: Ctx,
  actor: Actor,
  uploadId: string,
  confirmedProse: readonly number[] = [],
): Promise<ImportOutcome> {
  requireRole(actor, "monitor", "admin");
  const file = path.join(uploadDir(ctx), uploadId);
  const bytes = await readFile(file).catch(() => {
    throw new NotFoundError("Không tìm thấy tệp đã tải lên; hãy tải lại tệp để xem trước.");
  });
  const meta = JSON.parse(await readFile(`${file}.json`, "utf8")) as { fileName: string };
  const outcome = await importPlanBytes(
    ctx,
    actor.userId,
    bytes,
    meta.fileName,
    new Set(confirmedProse),
  );
  return {
    ...outcome,
    changes: { ...outcome.changes, kept: readable(actor, outcome.changes.kept) },
  };
}
