/**
 * E-mails to a PAKN's sender, when they left an address and the installation has an SMTP
 * server: "received" with the tracking code at submission, "answered" with the link to the
 * answer when the monitoring department publishes it. Queued in the notification outbox in the
 * same transaction as the step (an outbox row with no account, migration 0035), sent by the
 * outbox worker with the other e-mails, retried the same way.
 */
import { escapeHtml, FEEDBACK_KIND_LABELS, type FeedbackKind } from "@giamsat/core";
import { enqueueOutbox, type Database } from "@giamsat/db";
import type { Kysely } from "kysely";
import type { Ctx } from "../services/context.js";

export type SenderMailStep = "received" | "answered";

type Sent = { code: string; kind: string; title: string; sender_email: string | null };

function compose(step: SenderMailStep, f: Sent, link: string) {
  const kind = FEEDBACK_KIND_LABELS[f.kind as FeedbackKind] ?? f.kind;
  const lines =
    step === "received"
      ? {
          subject: `Đã tiếp nhận ${kind.toLowerCase()} ${f.code}`,
          text: [
            `Cơ quan đã tiếp nhận ${kind.toLowerCase()} "${f.title}" của bạn.`,
            `Mã theo dõi: ${f.code}.`,
            `Theo dõi tình trạng xử lý tại: ${link}`,
          ],
        }
      : {
          subject: `Đã có trả lời cho ${kind.toLowerCase()} ${f.code}`,
          text: [
            `Cơ quan đã trả lời ${kind.toLowerCase()} "${f.title}" (mã ${f.code}).`,
            `Xem câu trả lời và đánh giá tại: ${link}`,
          ],
        };
  const html = lines.text
    .map(
      (l) =>
        `<p>${escapeHtml(l).replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)}</p>`,
    )
    .join("\n");
  return { subject: lines.subject, body: { text: lines.text.join("\n"), html } };
}

/** Queues the sender's e-mail for this step (nothing without an address or an SMTP server). */
export async function queueSenderMail(
  ctx: Ctx,
  db: Kysely<Database>,
  step: SenderMailStep,
  f: Sent,
): Promise<void> {
  if (!f.sender_email || !ctx.config.mail.smtpUrl) return;
  const link = `${ctx.config.siteUrl.replace(/\/$/, "")}/gop-y/${f.code}`;
  const { subject, body } = compose(step, f, link);
  await enqueueOutbox(db, [
    {
      rule: "feedback_sender",
      item: f.code,
      period: "",
      recipient_id: null,
      step,
      channel: "email",
      kind: "feedback_sender",
      address: f.sender_email,
      subject,
      link,
      next_attempt_at: new Date().toISOString(),
      body,
    },
  ]);
}
