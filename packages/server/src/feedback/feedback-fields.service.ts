import { ConflictError, NotFoundError, ValidationError } from "@giamsat/core";
import {
  feedbackFieldById,
  feedbackFieldByName,
  getOrganisation,
  insertFeedbackField,
  listFeedbackFields,
  recordAudit,
  updateFeedbackField,
  type FeedbackField,
} from "@giamsat/db";
import type { z } from "zod";
import { requireRole, type Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import type { fieldInput, fieldPatch } from "./feedback-fields.schemas.js";

async function view(ctx: Ctx, f: FeedbackField) {
  const unit = f.unit_id === null ? undefined : await getOrganisation(ctx.db, f.unit_id);
  return {
    id: f.id,
    name: f.name,
    unitId: f.unit_id,
    unit: unit?.name ?? null,
    active: !!f.active,
  };
}

/** The fields a visitor chooses from (active ones, by name). */
export async function publicFields(ctx: Ctx) {
  return (await listFeedbackFields(ctx.db, true)).map((f) => ({ id: f.id, name: f.name }));
}

/** Every field with its proposed unit (the administrator keeps them; the monitor reads them). */
export async function allFields(ctx: Ctx, actor: Actor) {
  requireRole(actor, "admin", "monitor");
  return Promise.all((await listFeedbackFields(ctx.db, false)).map((f) => view(ctx, f)));
}

async function checkName(ctx: Ctx, name: string, id?: number) {
  const same = await feedbackFieldByName(ctx.db, name);
  if (same && same.id !== id) throw new ConflictError(`Đã có lĩnh vực "${name}".`);
}

async function checkUnit(ctx: Ctx, unitId: number | null | undefined) {
  if (unitId && !(await getOrganisation(ctx.db, unitId)))
    throw new ValidationError(`Không tìm thấy đơn vị số ${unitId}.`);
}

export async function createField(ctx: Ctx, actor: Actor, input: z.infer<typeof fieldInput>) {
  requireRole(actor, "admin");
  await checkName(ctx, input.name);
  await checkUnit(ctx, input.unitId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertFeedbackField(trx, {
      name: input.name,
      unit_id: input.unitId ?? null,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "feedback_field.created",
      entity: "feedback_field",
      entityId: created.id,
      before: null,
      after: { name: created.name, unitId: created.unit_id },
      reason: null,
    });
    return created;
  });
  return view(ctx, row);
}

export async function changeField(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: z.infer<typeof fieldPatch>,
) {
  requireRole(actor, "admin");
  const before = await feedbackFieldById(ctx.db, id);
  if (!before) throw new NotFoundError(`Không tìm thấy lĩnh vực số ${id}.`);
  if (input.name !== undefined) await checkName(ctx, input.name, id);
  await checkUnit(ctx, input.unitId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const next = await updateFeedbackField(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "feedback_field.changed",
      entity: "feedback_field",
      entityId: id,
      before: { name: before.name, unitId: before.unit_id, active: !!before.active },
      after: { name: next.name, unitId: next.unit_id, active: !!next.active },
      reason: null,
    });
    return next;
  });
  return view(ctx, row);
}
