/**
 * Unit-head sign-off of change requests: a staff member's request to extend,
 * reassign, change the output or cancel waits for the unit head before the leader decides it.
 * Approved, it is `proposed` (the leader's list); returned, it is `returned` with the head's
 * reason, and its author may propose again.
 */
import {
  CHANGE_KIND_LABELS,
  ConflictError,
  NotFoundError,
  signoffRequestedMessage,
  signoffReturnedMessage,
} from "@giamsat/core";
import {
  changeNoticeSource,
  findChangeRequest,
  getOrganisation,
  markChangeReturned,
  markChangeSignedOff,
  type Database,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Actor } from "../services/actor.js";
import { nowIso, type Ctx } from "../services/context.js";
import { changeRequestView, type ChangeRequestView } from "../services/change-request.view.js";
import { queueNotice } from "../notifications/events.js";
import type { SignoffInput } from "./signoff.schemas.js";
import { auditSignoff, decideAsHead, queueHeadsNotice, requireHeadOf } from "./signoff.service.js";

type Db = Kysely<Database>;

const subjectOf = (kind: string) => ({
  item: "change_request" as const,
  kindLabel: CHANGE_KIND_LABELS[kind] ?? kind,
});

/** A staff change request waits: the unit's heads are told (in the request's transaction). */
export async function queueChangeSignoffRequested(
  ctx: Ctx,
  trx: Db,
  id: number,
  orgId: number,
  staffName: string,
): Promise<void> {
  const c = await changeNoticeSource(trx, id);
  const cr = (await findChangeRequest(trx, id))!;
  const message = signoffRequestedMessage(
    {
      task: { id: c.id, number: c.number, name: c.name },
      subject: subjectOf(cr.kind),
      staffName,
    },
    ctx.config.siteUrl,
  );
  const key = { rule: "signoff_requested", item: `change:${id}`, period: "-", step: "0" };
  await queueHeadsNotice(ctx, trx, orgId, key, message);
}

/** The head's decision on one change request, inside the caller's transaction. */
export async function signChangeIn(
  ctx: Ctx,
  trx: Db,
  actor: Actor,
  id: number,
  input: SignoffInput,
): Promise<void> {
  const cr = await findChangeRequest(trx, id);
  if (!cr) throw new NotFoundError(`Không tìm thấy đề xuất điều chỉnh số hiệu ${id}.`);
  const org = cr.org_id === null ? undefined : await getOrganisation(trx, cr.org_id);
  requireHeadOf(actor, cr.org_id, org?.name ?? null, `đề xuất điều chỉnh số ${id}`);
  if (cr.status !== "awaiting_signoff")
    throw new ConflictError(`Đề xuất điều chỉnh số ${id} không ở trạng thái chờ ký duyệt.`);
  const at = nowIso(ctx);
  if (input.decision === "approve") {
    await markChangeSignedOff(trx, id, actor.userId, at);
  } else {
    const reason = input.reason ?? "";
    await markChangeReturned(trx, id, actor.userId, at, reason);
    const c = await changeNoticeSource(trx, id);
    const message = signoffReturnedMessage(
      { task: { id: c.id, number: c.number, name: c.name }, subject: subjectOf(cr.kind), reason },
      ctx.config.siteUrl,
    );
    const key = { rule: "signoff_return", item: `change:${id}`, period: "-", step: "0" };
    await queueNotice(ctx, trx, key, message, [c.proposed_by]);
  }
  const to = input.decision === "approve" ? "proposed" : "returned";
  await auditSignoff(trx, actor, { entity: "change_request", id, from: cr.status, to }, input);
}

/** The unit head approves a change request waiting for sign-off, or returns it with the reason. */
export async function signoffChange(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: SignoffInput,
): Promise<ChangeRequestView> {
  return decideAsHead(
    ctx,
    actor,
    (trx) => signChangeIn(ctx, trx, actor, id, input),
    async () => changeRequestView((await findChangeRequest(ctx.db, id))!),
  );
}
