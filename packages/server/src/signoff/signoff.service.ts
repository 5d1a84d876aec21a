/**
 * Unit-head sign-off, the rule shared by reports and change requests. In a
 * unit whose administrator turned the setting on, what the unit's staff send — a progress report
 * or a change request — waits for the unit head (`awaiting_signoff`) before it reaches the
 * monitoring department (reports) or the leader (change requests). A unit head's own items, and
 * those of a unit with no active head, go straight on. The head approves or returns with a reason
 * (report-signoff.service, change-signoff.service); several at once in signoff-bulk.service.
 */
import { ForbiddenError, NotFoundError, type Message } from "@giamsat/core";
import {
  getOrganisation,
  recordAudit,
  setSignoffRequired,
  signoffRequired,
  unitHeadIds,
  type Database,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import { requireRole, type Actor } from "../services/actor.js";
import type { Ctx } from "../services/context.js";
import { deliverInAppNow, queueNotice } from "../notifications/events.js";
import type { OutboxKey } from "../notifications/recipients.js";
import type { SignoffInput } from "./signoff.schemas.js";

type Db = Kysely<Database>;

/**
 * Whether what this actor sends for this unit waits for the unit head (`required`: the unit's
 * setting when the caller read it already).
 */
export async function needsSignoff(
  db: Db,
  actor: Actor,
  orgId: number | null,
  required?: boolean,
): Promise<boolean> {
  if (actor.role !== "unit_staff" || orgId === null) return false;
  if (!(required ?? (await signoffRequired(db, orgId)))) return false;
  return (await unitHeadIds(db, orgId)).length > 0;
}

/**
 * Only a unit head of the item's unit (or of a unit above it) signs it off; `label` names the
 * item in the refusal ("báo cáo số 12").
 */
export function requireHeadOf(
  actor: Actor,
  orgId: number | null,
  orgName: string | null,
  label: string,
): void {
  if (orgId === null || !(actor.units ?? []).includes(orgId))
    throw new ForbiddenError(
      `Chỉ lãnh đạo của ${orgName ?? "đơn vị đã gửi"} mới ký duyệt được ${label}.`,
    );
}

/** A staff item waits: the unit's heads are told (in the item's own transaction). */
export async function queueHeadsNotice(
  ctx: Ctx,
  trx: Db,
  orgId: number,
  key: OutboxKey,
  message: Message,
): Promise<void> {
  await queueNotice(ctx, trx, key, message, await unitHeadIds(trx, orgId));
}

/**
 * A unit head's decision (on one item or several): the role checked first, `sign` in one
 * transaction (all or nothing), the in-app notices delivered, then the result `read`.
 */
export async function decideAsHead<T>(
  ctx: Ctx,
  actor: Actor,
  sign: (trx: Db) => Promise<void>,
  read: () => Promise<T>,
): Promise<T> {
  requireRole(actor, "unit_head");
  await ctx.db.transaction().execute(sign);
  await deliverInAppNow(ctx);
  return read();
}

/** The head's decision on one item, audited as `<entity>.signoff_approve|return` with the reason. */
export async function auditSignoff(
  trx: Db,
  actor: Actor,
  item: { entity: "report" | "change_request"; id: number; from: string; to: string },
  input: SignoffInput,
): Promise<void> {
  await recordAudit(trx, {
    actorId: actor.userId,
    action: `${item.entity}.signoff_${input.decision}`,
    entity: item.entity,
    entityId: item.id,
    reason: input.reason ?? null,
    before: { status: item.from },
    after: { status: item.to },
  });
}

/** The administrator turns a unit's sign-off on or off (audited). */
export async function setUnitSignoff(
  ctx: Ctx,
  actor: Actor,
  orgId: number,
  on: boolean,
): Promise<{ id: number; signoffRequired: boolean }> {
  requireRole(actor, "admin");
  const org = await getOrganisation(ctx.db, orgId);
  if (!org) throw new NotFoundError(`Không tìm thấy đơn vị số hiệu ${orgId}.`);
  await ctx.db.transaction().execute(async (trx) => {
    await setSignoffRequired(trx, orgId, on);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "organisation.signoff",
      entity: "organisation",
      entityId: orgId,
      before: { signoffRequired: org.signoff_required === 1 },
      after: { signoffRequired: on },
    });
  });
  return { id: orgId, signoffRequired: on };
}
