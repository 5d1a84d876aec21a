import { workingDaysBefore } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../../db/src/test-support/index.js";
import { channelsFor } from "../notifications/channels.js";
import { drainOutbox } from "../notifications/outbox.worker.js";
import { runReminders } from "../notifications/remind.service.js";
import { holidaysOf } from "../notifications/reminder.planner.js";
import { solvedChallenge } from "../test-support/altcha.js";
import { call, makeUser, startHarness, type Harness } from "../test-support/server-harness.js";
import { startSmtpSink, type SmtpSink } from "../test-support/smtp-sink.js";

describe.each(dialects())(
  "PAKN notices: the sender's e-mails, the unit's reminders (%s)",
  (dialect) => {
    let h: Harness;
    let sink: SmtpSink;
    let channels: ReturnType<typeof channelsFor> = [];
    beforeAll(async () => {
      sink = await startSmtpSink();
      h = await startHarness(dialect, {
        GIAMSAT_SMTP_URL: sink.url,
        GIAMSAT_SITE_URL: "https://giamsat.example.vn",
      });
      channels = channelsFor(h.ctx);
    });
    afterAll(async () => {
      for (const channel of channels) await channel.close();
      await h.close();
      await sink.close();
    });

    const send = async (title: string, email?: string) =>
      call(h.app, {
        method: "POST",
        url: "/api/public/feedback",
        payload: {
          kind: "sang_kien",
          title,
          content: `Nội dung của ${title}.`,
          name: "Người Gửi Thư",
          ...(email ? { email } : { phone: "0912000111" }),
          consent: true,
          altcha: await solvedChallenge(h.app),
        },
      });

    it("tell the sender it was received (with the code) and answered (with the link), through the outbox", async () => {
      const sent = await send("Sáng kiến số hoá hồ sơ", "nguoi.gui.thu@example.vn");
      const quiet = await send("Sáng kiến không để lại thư");
      expect([sent.status, quiet.status]).toEqual([201, 201]);
      const { code } = sent.body as { code: string };
      expect((await drainOutbox(h.ctx, channels)).sent).toBe(1);
      expect(sink.mails).toHaveLength(1);
      expect(sink.mails[0]).toMatchObject({
        to: ["nguoi.gui.thu@example.vn"],
        subject: `Đã tiếp nhận sáng kiến ${code}`,
      });
      expect(sink.mails[0]!.text).toContain(`Mã theo dõi: ${code}.`);
      expect(sink.mails[0]!.text).toContain(`https://giamsat.example.vn/gop-y/${code}`);

      const monitor = await makeUser(h.ctx, "monitor");
      const unit = await buildOrganisation(h.ctx.db, { name: "Sở Thử thư" });
      const staff = await makeUser(h.ctx, "unit_staff", unit.id);
      const id = (
        (await call(h.app, { method: "GET", url: "/api/feedback", headers: monitor.headers }))
          .body as { id: number; code: string }[]
      ).find((f) => f.code === code)!.id;
      const post = (url: string, who: { headers: Record<string, string> }, payload: object) =>
        call(h.app, { method: "POST", url, headers: who.headers, payload });
      // a duplicate merged into it: its sender is told of the one answer too
      const dup = (await send("Sáng kiến trùng nội dung", "nguoi.trung@example.vn")).body as {
        code: string;
      };
      const dupId = (
        (await call(h.app, { method: "GET", url: "/api/feedback", headers: monitor.headers }))
          .body as { id: number; code: string }[]
      ).find((f) => f.code === dup.code)!.id;
      await post(`/api/feedback/${dupId}/merge`, monitor, { into: code });
      await post(`/api/feedback/${id}/route`, monitor, { unitId: unit.id });
      await post(`/api/feedback/${id}/answer`, staff, { answer: "Sở sẽ áp dụng từ quý I/2027." });
      await drainOutbox(h.ctx, channels);
      expect(sink.mails).toHaveLength(2); // the unit's draft tells the senders nothing yet
      expect((await post(`/api/feedback/${id}/decision`, monitor, { approve: true })).status).toBe(
        200,
      );
      await drainOutbox(h.ctx, channels);
      expect(sink.mails).toHaveLength(4);
      const answered = (to: string) =>
        sink.mails.find((m) => m.to[0] === to && /trả lời/.test(m.subject))!;
      expect(answered("nguoi.gui.thu@example.vn").subject).toBe(
        `Đã có trả lời cho sáng kiến ${code}`,
      );
      expect(answered("nguoi.gui.thu@example.vn").text).toContain(
        `https://giamsat.example.vn/gop-y/${code}`,
      );
      expect(answered("nguoi.trung@example.vn").text).toContain(
        `https://giamsat.example.vn/gop-y/${dup.code}`,
      );
      // the answer itself is read on the public page, not mailed
      expect(answered("nguoi.gui.thu@example.vn").text).not.toContain("quý I/2027");
    });

    it("remind the unit before the answer deadline and escalate to its heads and the monitoring department the day after", async () => {
      const { code } = (await send("Sáng kiến cần nhắc hạn")).body as { code: string };
      const monitor = await makeUser(h.ctx, "monitor");
      const unit = await buildOrganisation(h.ctx.db, { name: "Sở Thử nhắc hạn" });
      const staff = await makeUser(h.ctx, "unit_staff", unit.id);
      const head = await makeUser(h.ctx, "unit_head", unit.id);
      const id = (
        (await call(h.app, { method: "GET", url: "/api/feedback", headers: monitor.headers }))
          .body as { id: number; code: string }[]
      ).find((f) => f.code === code)!.id;
      const routed = await call(h.app, {
        method: "POST",
        url: `/api/feedback/${id}/route`,
        headers: monitor.headers,
        payload: { unitId: unit.id },
      });
      const deadline = routed.body.deadline as string;
      const subjects = async (who: { headers: Record<string, string> }) =>
        (
          (await call(h.app, { method: "GET", url: "/api/notifications", headers: who.headers }))
            .body as { items: { title: string }[] }
        ).items
          .map((n) => n.title)
          .filter((t) => t.includes(code));
      const run = (asOf: string) => runReminders(h.ctx, asOf, { dryRun: false, channels });

      await run(workingDaysBefore(deadline, 3, await holidaysOf(h.ctx)));
      expect(await subjects(staff)).toEqual([
        expect.stringMatching(/^Sắp đến hạn trả lời sáng kiến/),
      ]);
      expect(await subjects(monitor)).toEqual([]);
      const after = new Date(Date.parse(`${deadline}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      await run(after);
      await run(after); // once: the outbox key repeats nothing
      const toHead = await subjects(head);
      expect(toHead).toHaveLength(2); // the reminder to the unit reached its heads too
      expect(toHead).toContainEqual(expect.stringMatching(/^Quá hạn trả lời sáng kiến/));
      expect(await subjects(monitor)).toEqual([
        expect.stringMatching(/^Quá hạn trả lời sáng kiến/),
      ]);
      expect(await subjects(staff)).toHaveLength(1);
    });
  },
);
