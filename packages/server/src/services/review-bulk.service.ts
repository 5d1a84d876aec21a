import { DomainError } from "@giamsat/core";
import { deliverInAppNow } from "../notifications/events.js";
import { requireRole, type Actor } from "./actor.js";
import type { Ctx } from "./context.js";
import type { BulkAcceptInput } from "./report.schemas.js";
import { decideReport, getReportFor } from "./report.service.js";
import type { ReportView } from "./report.view.js";

/**
 * The monitoring department accepts several submitted reports at once: each goes through exactly
 * the decision of a single review (still submitted, not corrected, no other accepted report for
 * its period) and is audited on its own, all in one transaction — if one is refused, none is
 * accepted, and the message names the report.
 */
export async function acceptReportsTogether(
  ctx: Ctx,
  actor: Actor,
  input: BulkAcceptInput,
): Promise<{ items: ReportView[] }> {
  requireRole(actor, "monitor");
  const decision = {
    decision: "accept" as const,
    ...(input.comment ? { comment: input.comment } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    for (const id of input.reportIds) {
      try {
        await decideReport(ctx, trx, actor, id, decision);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        throw new DomainError(error.code, `Báo cáo số ${id}: ${error.message}`, {
          ...error.details,
          reportId: id,
        });
      }
    }
  });
  await deliverInAppNow(ctx);
  const items: ReportView[] = [];
  for (const id of input.reportIds) items.push(await getReportFor(ctx, actor, id));
  return { items };
}
