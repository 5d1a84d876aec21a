/**
 * The working days a unit has to answer a public submission, per kind: core's default (15)
 * until the administrator sets another; routing a submission counts its deadline from them.
 */
import {
  FEEDBACK_DEADLINE_DAYS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  type FeedbackKind,
} from "@giamsat/core";
import { listFeedbackAnswerDays, recordAudit, setFeedbackAnswerDays } from "@giamsat/db";
import type { z } from "zod";
import { requireRole, type Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import type { answerDaysInput } from "./feedback-deadlines.schemas.js";

/** A kind's answer days: the administrator's, or the default. */
export async function answerDaysOf(ctx: Pick<Ctx, "db">, kind: FeedbackKind): Promise<number> {
  return (await listFeedbackAnswerDays(ctx.db)).get(kind) ?? FEEDBACK_DEADLINE_DAYS[kind];
}

async function view(ctx: Ctx) {
  const set = await listFeedbackAnswerDays(ctx.db);
  return FEEDBACK_KINDS.map((kind) => ({
    kind,
    label: FEEDBACK_KIND_LABELS[kind],
    days: set.get(kind) ?? FEEDBACK_DEADLINE_DAYS[kind],
    defaultDays: FEEDBACK_DEADLINE_DAYS[kind],
  }));
}

/** Every kind's answer days (the administrator sets them; the monitoring department routes by them). */
export async function answerDeadlines(ctx: Ctx, actor: Actor) {
  requireRole(actor, "admin", "monitor");
  return view(ctx);
}

/** The administrator sets kinds' answer days, audited with the values before and after. */
export async function setAnswerDeadlines(
  ctx: Ctx,
  actor: Actor,
  input: z.infer<typeof answerDaysInput>,
) {
  requireRole(actor, "admin");
  const before = Object.fromEntries((await view(ctx)).map((k) => [k.kind, k.days]));
  await ctx.db.transaction().execute(async (trx) => {
    for (const item of input.items) await setFeedbackAnswerDays(trx, item.kind, item.days);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "feedback.answer_days",
      entity: "feedback_answer_days",
      entityId: null,
      before,
      after: Object.fromEntries(input.items.map((i) => [i.kind, i.days])),
      reason: input.reason || null,
    });
  });
  return view(ctx);
}
