import { NotFoundError } from "@giamsat/core";
import { decideLink, findLink, listLinks, recordAudit, type LinkState } from "@giamsat/db";
import { requireRole, type Actor } from "./actor.js";
import { nowIso, type Ctx } from "./context.js";

export async function listLinksFor(
  ctx: Ctx,
  actor: Actor,
  q: { plan?: number; state?: LinkState; limit: number; offset: number },
) {
  requireRole(actor, "admin", "monitor", "leader");
  const { items, total } = await listLinks(ctx.db, {
    ...(q.plan !== undefined ? { planId: q.plan } : {}),
    ...(q.state ? { state: q.state } : {}),
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
    const state = decision === "confirm" ? "confirmed" : "rejected";
    await decideLink(trx, id, { state, decidedBy: actor.userId, at: nowIso() });
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
