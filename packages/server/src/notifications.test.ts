import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

describe.each(dialects())("notifications: bell, mark read, preferences (%s)", (dialect) => {
  let h: Harness;
  let taskId: number;
  let staff: Awaited<ReturnType<typeof makeUser>>;
  let other: Awaited<ReturnType<typeof makeUser>>;
  let monitor: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    const own = await unitTask(h.ctx, plan);
    taskId = own.taskId;
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    other = await makeUser(h.ctx, "unit_staff", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const report = async () =>
    (
      await call(h.app, {
        method: "POST",
        url: `/api/tasks/${taskId}/reports`,
        headers: staff.headers,
        payload: { state: "in_progress", summary: "Đang triển khai", evidence: [] },
      })
    ).body as { id: number };
  const review = (id: number, decision: "accept" | "return", comment: string) =>
    call(h.app, {
      method: "POST",
      url: `/api/reports/${id}/review`,
      headers: monitor.headers,
      payload: { decision, comment },
    });

  it("tells the author of a returned report, with the comment, and nobody else", async () => {
    const sent = await report();
    expect((await review(sent.id, "return", "Bổ sung minh chứng <b>đầy đủ</b>")).status).toBe(200);

    const count = await call(h.app, {
      url: "/api/notifications/unread-count",
      headers: staff.headers,
    });
    expect(count.body).toEqual({ unread: 1 });
    const list = await call(h.app, { url: "/api/notifications", headers: staff.headers });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      kind: "report_returned",
      link: `/nhiem-vu/${taskId}/bao-cao`,
      read: false,
    });
    expect(list.body.items[0].title).toMatch(/^Báo cáo bị trả lại \(Tháng \d+\/\d{4}\)/);
    expect(list.body.items[0].body).toContain("Ý kiến: Bổ sung minh chứng <b>đầy đủ</b>");

    const others = await call(h.app, { url: "/api/notifications", headers: other.headers });
    expect(others.body).toMatchObject({ items: [], total: 0, unread: 0 });

    const read = await call(h.app, {
      method: "POST",
      url: "/api/notifications/read",
      headers: staff.headers,
      payload: { ids: [list.body.items[0].id] },
    });
    expect(read.body).toEqual({ changed: 1, unread: 0 });
    // another user cannot mark it (nothing changes)
    const foreign = await call(h.app, {
      method: "POST",
      url: "/api/notifications/read",
      headers: other.headers,
      payload: { ids: [list.body.items[0].id] },
    });
    expect(foreign.body).toEqual({ changed: 0, unread: 0 });
  });

  it("saves preferences, and a kind switched off in-app is not put in the bell", async () => {
    const prefs = await call(h.app, {
      url: "/api/notifications/preferences",
      headers: staff.headers,
    });
    expect(prefs.body.kinds.find((k: { kind: string }) => k.kind === "report_accepted")).toEqual({
      kind: "report_accepted",
      label: "Báo cáo được chấp nhận",
      inApp: true,
      email: true,
      digest: false,
      digestible: true,
    });
    const saved = await call(h.app, {
      method: "PUT",
      url: "/api/notifications/preferences",
      headers: staff.headers,
      payload: {
        kinds: [
          { kind: "report_accepted", inApp: false, email: false },
          { kind: "task_due", inApp: true, email: true, digest: true },
          // a digest is not gathered into another digest
          { kind: "review_digest", inApp: true, email: true, digest: true },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(
      saved.body.kinds.find((k: { kind: string }) => k.kind === "report_accepted"),
    ).toMatchObject({
      inApp: false,
      email: false,
    });
    const byKind = (kind: string) =>
      saved.body.kinds.find((k: { kind: string }) => k.kind === kind);
    expect(byKind("task_due")).toMatchObject({ digest: true, digestible: true });
    expect(byKind("review_digest")).toMatchObject({ digest: false, digestible: false });
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select("actor_id")
      .where("action", "=", "notification_prefs.save")
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual([staff.user.id]);

    const before = (await call(h.app, { url: "/api/notifications", headers: staff.headers })).body
      .total;
    const sent = await report();
    expect((await review(sent.id, "accept", "Đạt")).status).toBe(200);
    const after = await call(h.app, { url: "/api/notifications", headers: staff.headers });
    expect(after.body.total).toBe(before);

    const bad = await call(h.app, {
      method: "PUT",
      url: "/api/notifications/preferences",
      headers: staff.headers,
      payload: { kinds: [{ kind: "khong-co", inApp: true, email: true }] },
    });
    expect(bad.status).toBe(400);
  });
});

describe.each(dialects())("holidays and a plan's reminder offsets (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    admin = await makeUser(h.ctx, "admin");
  });
  afterAll(async () => h.close());

  it("starts with 2026's holidays, and the administrator replaces them", async () => {
    const start = await call(h.app, { url: "/api/holidays", headers: admin.headers });
    expect(start.body.items).toContainEqual({ date: "2026-02-17", name: "Tết Nguyên đán" });
    const items = [...start.body.items, { date: "2026-06-18", name: "Ngày nghỉ bù (thử nghiệm)" }];
    const put = await call(h.app, {
      method: "PUT",
      url: "/api/holidays",
      headers: admin.headers,
      payload: { items },
    });
    expect(put.status).toBe(200);
    expect(put.body.items).toHaveLength(items.length);
    const twice = await call(h.app, {
      method: "PUT",
      url: "/api/holidays",
      headers: admin.headers,
      payload: { items: [...items, { date: "2026-06-18", name: "Lần hai" }] },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain("2026-06-18");
  });

  it("keeps a plan's offsets, checked", async () => {
    const url = `/api/plans/${plan}/reminders`;
    expect((await call(h.app, { url, headers: admin.headers })).body).toEqual({
      planId: plan,
      explicit: false,
      reportDays: [5, 1],
      deadlineDays: [15, 5, 1],
      overdueEveryDays: 7,
    });
    const bad = await call(h.app, {
      method: "PUT",
      url,
      headers: admin.headers,
      payload: { reportDays: [0], deadlineDays: [15], overdueEveryDays: 7 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("reportDays");
    const put = await call(h.app, {
      method: "PUT",
      url,
      headers: admin.headers,
      payload: { reportDays: [1, 10], deadlineDays: [30], overdueEveryDays: 14 },
    });
    expect(put.body).toMatchObject({ explicit: true, reportDays: [10, 1], overdueEveryDays: 14 });
  });
});
