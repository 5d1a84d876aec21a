/**
 * The administrator sets the answer deadline of each kind of public submission in working days;
 * routing a submission counts its deadline from its kind's setting (15 until one is set).
 */
import { addWorkingDays } from "@giamsat/core";
import { listHolidays } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../../db/src/test-support/index.js";
import { solvedChallenge } from "../test-support/altcha.js";
import { call, makeUser, startHarness, type Harness } from "../test-support/server-harness.js";

const TODAY = "2026-06-15";

describe.each(dialects())("answer deadlines per kind (%s)", (dialect) => {
  let h: Harness;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  let unitId: number;
  let ip = 0;
  beforeAll(async () => {
    h = await startHarness(dialect, {}, { now: new Date(`${TODAY}T03:00:00Z`) });
    admin = await makeUser(h.ctx, "admin");
    monitor = await makeUser(h.ctx, "monitor");
    unitId = (await buildOrganisation(h.ctx.db, { name: "Sở Thử hạn trả lời" })).id;
  });
  afterAll(async () => h.close());

  const put = (who: typeof admin, payload: object) =>
    call(h.app, { method: "PUT", url: "/api/feedback-deadlines", headers: who.headers, payload });
  /** A submission of `kind`, routed to the unit: its deadline. */
  const routed = async (kind: string): Promise<string> => {
    const sent = await call(h.app, {
      method: "POST",
      url: "/api/public/feedback",
      remoteAddress: `10.1.0.${++ip}`,
      payload: {
        kind,
        title: `Hạn trả lời ${kind} ${ip}`,
        content: "Đề nghị rút ngắn thời gian giải quyết hồ sơ.",
        name: "Người gửi thử",
        email: "nguoigui.thu@example.vn",
        consent: true,
        altcha: await solvedChallenge(h.app),
      },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const queue = await call(h.app, { url: "/api/feedback", headers: monitor.headers });
    const { id } = queue.body.find((f: { code: string }) => f.code === sent.body.code);
    const route = await call(h.app, {
      method: "POST",
      url: `/api/feedback/${id}/route`,
      headers: monitor.headers,
      payload: { unitId },
    });
    expect(route.status).toBe(200);
    return route.body.deadline;
  };
  const workingDays = async (n: number) =>
    addWorkingDays(TODAY, n, new Set((await listHolidays(h.ctx.db)).map((d) => d.date)));

  it("routes by 15 working days until the administrator sets a kind's days; audited", async () => {
    const listed = await call(h.app, { url: "/api/feedback-deadlines", headers: monitor.headers });
    expect(listed.body.map((k: { days: number }) => k.days)).toEqual([15, 15, 15, 15, 15]);
    expect(await routed("kien_nghi")).toBe(await workingDays(15));

    const set = await put(admin, {
      items: [{ kind: "kien_nghi", days: 10 }],
      reason: "Theo quy chế tiếp nhận kiến nghị",
    });
    expect(set.status).toBe(200);
    expect(set.body.find((k: { kind: string }) => k.kind === "kien_nghi")).toEqual({
      kind: "kien_nghi",
      label: "Kiến nghị",
      days: 10,
      defaultDays: 15,
    });
    expect(await routed("kien_nghi")).toBe(await workingDays(10));
    expect(await routed("phan_anh")).toBe(await workingDays(15));
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select(["before", "after", "reason"])
      .where("action", "=", "feedback.answer_days")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after))).toEqual({ kien_nghi: 10 });
    expect(JSON.parse(String(audit.before))).toMatchObject({ kien_nghi: 15 });
    expect(audit.reason).toBe("Theo quy chế tiếp nhận kiến nghị");
  });

  it("lets only the administrator set them, within 1–60 working days", async () => {
    expect((await put(monitor, { items: [{ kind: "dat_hang", days: 20 }] })).status).toBe(403);
    const zero = await put(admin, { items: [{ kind: "dat_hang", days: 0 }] });
    expect(zero.status).toBe(400);
    expect(zero.body.message).toContain("Hạn trả lời ít nhất 1 ngày làm việc");
    expect((await put(admin, { items: [{ kind: "khac", days: 5 }] })).status).toBe(400);
  });
});
