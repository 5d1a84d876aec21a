/**
 * E-mail through nodemailer with a pooled SMTP transport (GIAMSAT_SMTP_URL, sender
 * GIAMSAT_MAIL_FROM). Each mail carries a Message-ID made from its outbox row, so that a mail
 * sent again after a crash between the server's acceptance and our record of it is recognised
 * as the same mail by mail clients.
 */
import nodemailer from "nodemailer";
import type { Channel } from "./channel.js";

const POOL_SIZE = 5;

export function emailChannel(smtpUrl: string, from: string, siteUrl: string): Channel {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: POOL_SIZE,
    maxMessages: Infinity,
  });
  const host = new URL(siteUrl).hostname || "giamsat";
  return {
    name: "email",
    concurrency: POOL_SIZE,
    deliver: async (row) => {
      if (!row.address) throw new Error("Người nhận không có địa chỉ e-mail.");
      await transport.sendMail({
        from,
        to: row.address,
        subject: row.subject,
        text: row.body_text,
        html: row.body_html,
        messageId: `<outbox-${row.id}@${host}>`,
        headers: { "X-Giamsat-Key": `${row.rule}/${row.item}/${row.period}/${row.step}` },
      });
    },
    close: async () => transport.close(),
  };
}
