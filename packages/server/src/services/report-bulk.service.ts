import { DomainError } from "@giamsat/core";
import { inTransaction } from "@giamsat/db";
import { deliverInAppNow } from "../notifications/events.js";
import type { Actor } from "./actor.js";
import type { Ctx } from "./context.js";
import type { BulkReportInput } from "./report.schemas.js";
import { reportInput } from "./report.schemas.js";
import { submitReport } from "./report.service.js";
import type { ReportView } from "./report.view.js";
import { checkReportRate } from "./report-rate.js";

/**
 * Several tasks reported at once with the same short report: each task gets its own report,
 * passed through exactly the rules of a single report (scope, kind, period, one live report per
 * period), all written in one transaction — if one task is refused, none is reported, and the
 * message names the task.
 */
export async function submitReportsTogether(
  ctx: Ctx,
  actor: Actor,
  input: BulkReportInput,
): Promise<{ items: ReportView[] }> {
  const single = reportInput.parse({
    state: input.state,
    summary: input.summary,
    ...(input.period ? { period: input.period } : {}),
  });
  await checkReportRate(ctx, actor, input.taskIds.length);
  const items = await inTransaction(ctx.db, async (trx) => {
    const sent: ReportView[] = [];
    for (const taskId of input.taskIds) {
      try {
        sent.push(await submitReport({ ...ctx, db: trx }, actor, taskId, single));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        throw new DomainError(error.code, `Nhiệm vụ số hiệu ${taskId}: ${error.message}`, {
          ...error.details,
          taskId,
        });
      }
    }
    return sent;
  });
  await deliverInAppNow(ctx);
  return { items };
}
