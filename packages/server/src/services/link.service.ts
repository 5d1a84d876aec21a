import { ConflictError, NotFoundError } from "@giamsat/core";
import {
  decideLink,
  findLink,
  listLinks,
  recordAudit,
  type LinkedTask,
  type LinkState,
} from "@giamsat/db";
import { canSeeConfidential, requireRole, type Actor } from "./actor.js";
import { nowIso, type Ctx } from "./context.js";

const linkedTaskView = (t: LinkedTask) => ({
  id: t.id,
  number: t.number,
  name: t.name,
  planId: t.plan_id,
  planNumber: t.plan_number,
  planTitle: t.plan_title,
});

/**
 * Links between tasks of different plans (the proposals the importer made, and the decided
 * ones), best score first, each with both tasks named; links touching a confidential task are
 * left out for the roles that may not see it.
 */
export async function listLinksFor(
  ctx: Ctx,
  actor: Actor,
  q: { plan?: number; state?: LinkState; limit: number; offset: number },
) {
  requireRole(actor, "admin", "monitor", "leader");
  const { items, total } = await listLinks(ctx.db, {
    ...(q.plan !== undefined ? { planId: q.plan } : {}),
    ...(q.state ? { state: q.state } : {}),
    includeConfidential: canSeeConfidential(actor),
    limit: q.limit,
    offset: q.offset,
  });
  return {
    items: items.map((l) => ({
      id: l.id,
      fromTaskId: l.from_task_id,
      toTaskId: l.to_task_id,
      kind: l.kind,
      score: l.score,
      reasons: JSON.parse(l.reasons) as string[],
      state: l.state,
      decidedAt: l.decided_at,
      from: linkedTaskView(l.from),
      to: linkedTaskView(l.to),
    })),
    total,
  };
}

/** The monitoring department confirms or rejects a proposed link between tasks. */
export async function decideLinkFor(
  ctx: Ctx,
  actor: Actor,
  id: number,
  decision: "confirm" | "reject",
) {
  requireRole(actor, "admin", "monitor");
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findLink(trx, id);
    if (!before) throw new NotFoundError(`Không tìm thấy liên kết số hiệu ${id}.`);
    if (before.state !== "proposed")
      throw new ConflictError(
        `Liên kết số hiệu ${id} đã được ${before.state === "confirmed" ? "xác nhận" : "bác"} trước đó.`,
      );
    const state: "confirmed" | "rejected" = decision === "confirm" ? "confirmed" : "rejected";
    await decideLink(trx, id, { state, decidedBy: actor.userId, at: nowIso(ctx) });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `link.${decision}`,
      entity: "task_link",
      entityId: id,
      before: { state: before.state },
      after: { state },
    });
    return { id, state };
  });
}
