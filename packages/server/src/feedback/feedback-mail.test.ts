import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../../db/src/test-support/index.js";
import { channelsFor } from "../notifications/channels.js";
import { drainOutbox } from "../notifications/outbox.worker.js";
import { solvedChallenge } from "../test-support/altcha.js";
import { call, makeUser, startHarness, type Harness } from "../test-support/server-harness.js";
import { startSmtpSink, type SmtpSink } from "../test-support/smtp-sink.js";

describe.each(dialects())("e-mails to a PAKN's sender (%s)", (dialect) => {
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
    await post(`/api/feedback/${id}/route`, monitor, { unitId: unit.id });
    await post(`/api/feedback/${id}/answer`, staff, { answer: "Sở sẽ áp dụng từ quý I/2027." });
    await drainOutbox(h.ctx, channels);
    expect(sink.mails).toHaveLength(1); // the unit's draft tells the sender nothing yet
    expect((await post(`/api/feedback/${id}/decision`, monitor, { approve: true })).status).toBe(
      200,
    );
    await drainOutbox(h.ctx, channels);
    expect(sink.mails).toHaveLength(2);
    expect(sink.mails[1]).toMatchObject({
      to: ["nguoi.gui.thu@example.vn"],
      subject: `Đã có trả lời cho sáng kiến ${code}`,
    });
    expect(sink.mails[1]!.text).toContain(`https://giamsat.example.vn/gop-y/${code}`);
    // the answer itself is read on the public page, not mailed
    expect(sink.mails[1]!.text).not.toContain("quý I/2027");
  });
});
