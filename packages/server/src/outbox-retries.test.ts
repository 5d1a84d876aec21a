/**
 * A mail the SMTP server refuses (smtp-server on 127.0.0.1) is retried with back-off — 1, 2, 4,
 * 8, 16 minutes after each attempt — then, after the sixth, recorded as failed for good with the
 * server's answer, which the administrator reads on GET /api/admin/outbox; a failed mail is not
 * sent again. On SQLite and PostgreSQL.
 */
import { reportReviewedMessage } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { channelsFor } from "./notifications/channels.js";
import { queueNotice } from "./notifications/events.js";
import { drainOutbox, MAX_ATTEMPTS } from "./notifications/outbox.worker.js";
import { startSmtpSink, type SmtpSink } from "./test-support/smtp-sink.js";
import { call, makeUser, startHarness, type Harness } from "./test-support/server-harness.js";

const ADDRESS = "theodoi@bo.example.vn";
const MINUTE = 60_000;

describe.each(dialects())("outbox retries and failures (%s)", (dialect) => {
  let h: Harness;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startHarness(dialect, { GIAMSAT_SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await h.close();
    await sink.close();
  });

  const emailRow = () =>
    h.ctx.db
      .selectFrom("notification_outbox")
      .select(["status", "attempts", "next_attempt_at", "last_error"])
      .where("channel", "=", "email")
      .executeTakeFirstOrThrow();
  const makeDue = () =>
    h.ctx.db
      .updateTable("notification_outbox")
      .set({ next_attempt_at: "2000-01-01T00:00:00.000Z" })
      .where("channel", "=", "email")
      .execute();

  it("retries a refused mail 1, 2, 4, 8, 16 minutes later, then shows it failed to the administrator", async () => {
    const user = await makeUser(h.ctx, "monitor");
    await h.ctx.db
      .updateTable("users")
      .set({ email: ADDRESS })
      .where("id", "=", user.user.id)
      .execute();
    const message = reportReviewedMessage(
      {
        task: { id: 1, number: "1", name: "Nhiệm vụ thử" },
        periodLabel: "Tháng 6/2026",
        decision: "return",
        comment: "Bổ sung minh chứng",
      },
      "http://localhost",
    );
    const key = { rule: "report_return", item: "report:1", period: "2026-06", step: "0" };
    await queueNotice(h.ctx, h.ctx.db, key, message, [user.user.id]);

    const email = channelsFor(h.ctx).find((c) => c.name === "email")!;
    sink.onMail = async () => false;
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const before = Date.now();
        const result = await drainOutbox(h.ctx, [email]);
        const after = Date.now();
        const row = await emailRow();
        expect(row.attempts).toBe(attempt);
        expect(row.last_error).toContain("Máy chủ thư tạm ngừng nhận");
        if (attempt === MAX_ATTEMPTS) {
          expect(result).toEqual({ sent: 0, failed: 1, retrying: 0 });
          expect(row.status).toBe("failed");
          break;
        }
        expect(result).toEqual({ sent: 0, failed: 0, retrying: 1 });
        expect(row.status).toBe("pending");
        const wait = MINUTE * 2 ** (attempt - 1);
        const next = Date.parse(row.next_attempt_at);
        expect(next).toBeGreaterThanOrEqual(before + wait);
        expect(next).toBeLessThanOrEqual(after + wait);
        // not due yet: a drain now leaves it alone
        expect(await drainOutbox(h.ctx, [email])).toEqual({ sent: 0, failed: 0, retrying: 0 });
        expect((await emailRow()).attempts).toBe(attempt);
        await makeDue();
      }

      const admin = await makeUser(h.ctx, "admin");
      const seen = await call(h.app, { url: "/api/admin/outbox", headers: admin.headers });
      expect(seen.status).toBe(200);
      expect(seen.body.counts.failed).toBe(1);
      expect(seen.body.failed).toHaveLength(1);
      expect(seen.body.failed[0]).toMatchObject({
        kind: "report_returned",
        channel: "email",
        recipientId: user.user.id,
        address: ADDRESS,
        subject: message.subject,
        attempts: MAX_ATTEMPTS,
      });
      expect(seen.body.failed[0].lastError).toContain("Máy chủ thư tạm ngừng nhận");

      // the server accepts mail again: a mail failed for good is not sent again
      sink.onMail = null;
      await makeDue();
      expect(await drainOutbox(h.ctx, [email])).toEqual({ sent: 0, failed: 0, retrying: 0 });
      expect(sink.mails).toEqual([]);
    } finally {
      await email.close();
    }
  });
});
