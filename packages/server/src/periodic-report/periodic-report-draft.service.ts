/**
 * The sections of the periodic report the monitoring department writes itself ("Đánh giá
 * chung", "Nhiệm vụ trọng tâm thời gian tới"): one shared draft per report scope (plan, unit,
 * period, date), used by every generation of that scope. Saving is audited: the text goes into
 * an official document.
 */
import { EDITABLE_SECTIONS, type EditableSection } from "@giamsat/core";
import {
  findPeriodicDraft,
  findUserById,
  inTransaction,
  recordAudit,
  savePeriodicDraft,
} from "@giamsat/db";
import { requireRole, type Actor } from "../services/actor.js";
import { nowIso, type Ctx } from "../services/context.js";
import type { PeriodicDraftInput, PeriodicScope } from "./periodic-report.schemas.js";

export type PeriodicDraftView = {
  sections: Record<EditableSection, string>;
  updatedAt: string | null;
  updatedBy: string | null;
};

export const scopeKey = (s: PeriodicScope): string =>
  [s.plan ?? "all", s.unit ?? "-", s.period, s.asOf].join("|");

/** The roles that write and read the drafts (those who generate the report). */
const DRAFT_ROLES = ["leader", "monitor"] as const;

export async function draftSections(
  ctx: Ctx,
  scope: PeriodicScope,
): Promise<Partial<Record<EditableSection, string>>> {
  const row = await findPeriodicDraft(ctx.db, scopeKey(scope));
  return row ? (JSON.parse(row.data) as Partial<Record<EditableSection, string>>) : {};
}

export async function getPeriodicDraft(
  ctx: Ctx,
  actor: Actor,
  scope: PeriodicScope,
): Promise<PeriodicDraftView> {
  requireRole(actor, ...DRAFT_ROLES);
  const row = await findPeriodicDraft(ctx.db, scopeKey(scope));
  const saved = row ? (JSON.parse(row.data) as Partial<Record<EditableSection, string>>) : {};
  const who = row?.updated_by ? await findUserById(ctx.db, row.updated_by) : undefined;
  return {
    sections: Object.fromEntries(EDITABLE_SECTIONS.map((k) => [k, saved[k] ?? ""])) as Record<
      EditableSection,
      string
    >,
    updatedAt: row?.updated_at ?? null,
    updatedBy: who?.display_name ?? null,
  };
}

export async function putPeriodicDraft(
  ctx: Ctx,
  actor: Actor,
  input: PeriodicDraftInput,
): Promise<PeriodicDraftView> {
  requireRole(actor, "monitor");
  const key = scopeKey(input);
  const sections = Object.fromEntries(EDITABLE_SECTIONS.map((k) => [k, input[k]])) as Record<
    EditableSection,
    string
  >;
  const at = nowIso(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const before = await findPeriodicDraft(trx, key);
    await savePeriodicDraft(trx, {
      scope_key: key,
      data: JSON.stringify(sections),
      updated_by: actor.userId,
      updated_at: at,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "periodic_report.draft_save",
      entity: "periodic_report_draft",
      entityId: key,
      before: before ? JSON.parse(before.data) : null,
      after: sections,
    });
  });
  return { sections, updatedAt: at, updatedBy: actor.displayName };
}
