/**
 * Notices of events, queued in the transaction of the event itself (the review, the decision)
 * so that the event and its notice are written together or not at all; the in-app copy is
 * delivered right after the transaction (`deliverInAppNow`), e-mail by the scheduler's worker.
 */
import {
  changeDecidedMessage,
  formatPeriodKey,
  reportReviewedMessage,
  type Message,
} from "@giamsat/core";
import {
  changeNoticeSource,
  enqueueOutbox,
  recipientsByIds,
  reviewNoticeSource,
  type Database,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Ctx } from "../services/context.js";
import { inAppChannel } from "./in-app.channel.js";
import { drainOutbox } from "./outbox.worker.js";
import { outboxRows, type OutboxKey } from "./recipients.js";

/** Queues one notice to these users in the caller's transaction. */
export async function queueNotice(
  ctx: Ctx,
  trx: Kysely<Database>,
  key: OutboxKey,
  message: Message,
  userIds: readonly number[],
): Promise<void> {
  const to = await recipientsByIds(trx, [...userIds]);
  const rows = await outboxRows(
    { ...ctx, db: trx },
    to.map((r) => ({ key, message, to: r })),
    new Date().toISOString(),
  );
  await enqueueOutbox(trx, rows);
}

/** A report accepted or returned: its author is told (with the reviewer's comment). */
export async function queueReportReviewed(
  ctx: Ctx,
  trx: Kysely<Database>,
  reportId: number,
  decision: "accept" | "return",
  comment: string | null,
): Promise<void> {
  const r = await reviewNoticeSource(trx, reportId);
  const message = reportReviewedMessage(
    {
      task: { id: r.id, number: r.number, name: r.name },
      periodLabel: formatPeriodKey(r.period_key),
      decision,
      comment,
    },
    ctx.config.siteUrl,
  );
  const key = {
    rule: `report_${decision}`,
    item: `report:${reportId}`,
    period: r.period_key,
    step: "0",
  };
  await queueNotice(ctx, trx, key, message, [r.submitted_by]);
}

/** A change request approved or rejected: its proposer is told. */
export async function queueChangeDecided(
  ctx: Ctx,
  trx: Kysely<Database>,
  changeRequestId: number,
  approved: boolean,
  comment: string | null,
): Promise<void> {
  const c = await changeNoticeSource(trx, changeRequestId);
  const message = changeDecidedMessage(
    { task: { id: c.id, number: c.number, name: c.name }, approved, comment },
    ctx.config.siteUrl,
  );
  const key = { rule: "change_decided", item: `change:${changeRequestId}`, period: "-", step: "0" };
  await queueNotice(ctx, trx, key, message, [c.proposed_by]);
}

/** Delivers the queued in-app notices now (a failure is left to the worker's retries). */
export async function deliverInAppNow(ctx: Ctx): Promise<void> {
  await drainOutbox(ctx, [inAppChannel(ctx)]).catch(() => undefined);
}
