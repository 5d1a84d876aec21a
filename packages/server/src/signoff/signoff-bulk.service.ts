import { DomainError } from "@giamsat/core";
import { findChangeRequest, type Database } from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Actor } from "../services/actor.js";
import { changeRequestView, type ChangeRequestView } from "../services/change-request.view.js";
import type { Ctx } from "../services/context.js";
import { getReportFor } from "../services/report.service.js";
import type { ReportView } from "../services/report.view.js";
import { signChangeIn } from "./change-signoff.service.js";
import { signReportIn } from "./report-signoff.service.js";
import type { SignoffBulkInput } from "./signoff.schemas.js";
import { decideAsHead } from "./signoff.service.js";

/** A refusal of one item of the batch, kept as it is but saying which item it is. */
function naming(error: unknown, item: "report" | "change_request", id: number): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.code, error.message, { ...error.details, item, id });
}

/**
 * The unit head approves several waiting reports and change requests at once:
 * each goes through exactly the single sign-off (its unit, its state) and is audited on its own,
 * all in one transaction — if one is refused, none is signed off, and the message names it.
 */
export async function approveTogether(
  ctx: Ctx,
  actor: Actor,
  input: SignoffBulkInput,
): Promise<{ reports: ReportView[]; changeRequests: ChangeRequestView[] }> {
  const approve = { decision: "approve" as const };
  const sign = async (trx: Kysely<Database>) => {
    for (const id of input.reportIds)
      await signReportIn(ctx, trx, actor, id, approve).catch((e: unknown) => {
        throw naming(e, "report", id);
      });
    for (const id of input.changeRequestIds)
      await signChangeIn(ctx, trx, actor, id, approve).catch((e: unknown) => {
        throw naming(e, "change_request", id);
      });
  };
  return decideAsHead(ctx, actor, sign, async () => {
    const reports: ReportView[] = [];
    for (const id of input.reportIds) reports.push(await getReportFor(ctx, actor, id));
    const changeRequests: ChangeRequestView[] = [];
    for (const id of input.changeRequestIds)
      changeRequests.push(changeRequestView((await findChangeRequest(ctx.db, id))!));
    return { reports, changeRequests };
  });
}
