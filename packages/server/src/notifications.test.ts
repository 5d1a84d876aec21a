import { addDays, workingDayOnOrBefore } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { planDay } from "./notifications/remind.service.js";
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
  let unitId: number;
  let staff: Awaited<ReturnType<typeof makeUser>>;
  let other: Awaited<ReturnType<typeof makeUser>>;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  let head: Awaited<ReturnType<typeof makeUser>>;
  let leader: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    const own = await unitTask(h.ctx, plan);
    taskId = own.taskId;
    unitId = own.unitId;
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    other = await makeUser(h.ctx, "unit_staff", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
    head = await makeUser(h.ctx, "unit_head", own.unitId);
    leader = await makeUser(h.ctx, "leader");
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

  it("tells the author of an accepted report and the proposer of a decided change request", async () => {
    const bell = async (user: typeof staff) =>
      (await call(h.app, { url: "/api/notifications", headers: user.headers })).body.items as {
        kind: string;
        title: string;
        body: string;
        link: string;
      }[];
    // another task of the unit, reported by the other staff member (the first one switched
    // accepted reports off above)
    const { id: second } = await h.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("lead_org_id", "=", unitId)
      .where("kind", "=", "time-bound")
      .where("id", "!=", taskId)
      .orderBy("ordinal")
      .executeTakeFirstOrThrow();
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${second}/reports`,
      headers: other.headers,
      payload: { state: "in_progress", summary: "Đang triển khai", evidence: [] },
    });
    expect(sent.status).toBe(201);
    expect((await review(sent.body.id, "accept", "Đạt yêu cầu")).status).toBe(200);
    const accepted = (await bell(other)).filter((n) => n.kind === "report_accepted");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.title).toMatch(/^Báo cáo được chấp nhận \(Tháng \d+\/\d{4}\)/);
    expect(accepted[0]!.body).toContain("Ý kiến: Đạt yêu cầu");
    expect(accepted[0]!.link).toBe(`/nhiem-vu/${second}`);

    const proposed = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/change-requests`,
      headers: head.headers,
      payload: { kind: "extend_deadline", dueDate: "2027-06-30", reason: "Chờ ý kiến Bộ Tư pháp" },
    });
    expect(proposed.status).toBe(201);
    const decided = await call(h.app, {
      method: "POST",
      url: `/api/change-requests/${proposed.body.id}/decision`,
      headers: leader.headers,
      payload: { decision: "reject", comment: "Chưa đủ căn cứ gia hạn" },
    });
    expect(decided.status).toBe(200);
    const told = (await bell(head)).filter((n) => n.kind === "change_decided");
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toMatch(/^Đề nghị điều chỉnh không được chấp thuận: /);
    expect(told[0]!.body).toContain("Ý kiến: Chưa đủ căn cứ gia hạn");
    expect(told[0]!.link).toBe(`/nhiem-vu/${taskId}`);
    // nobody else: not the unit's staff, not the head for the report
    for (const user of [staff, other])
      expect((await bell(user)).some((n) => n.kind === "change_decided")).toBe(false);
    expect((await bell(head)).some((n) => n.kind === "report_accepted")).toBe(false);
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
  it("the day's run follows them: the holiday on 18/06 and the offsets 10 and 1, 30 before a deadline", async () => {
    /** the day's report-day and deadline reminders as "rule period step item" */
    const day = async (asOf: string) => {
      const out: string[] = [];
      for await (const rows of planDay(h.ctx, asOf))
        for (const r of rows)
          if (r.rule === "report_due" || r.rule === "task_due")
            out.push(`${r.rule} ${r.period} ${r.step} ${r.item}`);
      return out;
    };
    // 10 working days before 20/06/2026 skip the administrator's 18/06: Friday 05/06, not 08/06
    expect((await day("2026-06-05")).some((r) => r.startsWith("report_due 2026-06 10 "))).toBe(
      true,
    );
    expect((await day("2026-06-08")).some((r) => r.startsWith("report_due "))).toBe(false);
    // 5 is no longer an offset: nothing on Monday 15/06
    expect((await day("2026-06-15")).some((r) => r.startsWith("report_due "))).toBe(false);
    expect((await day("2026-06-19")).some((r) => r.startsWith("report_due 2026-06 1 "))).toBe(true);

    // a deadline is told 30 days before (on the working day before when that is not one)
    const task = await h.ctx.db
      .selectFrom("tasks")
      .select(["id", "due_date"])
      .where("plan_id", "=", plan)
      .where("kind", "=", "time-bound")
      .where("lead_org_id", "is not", null)
      .where("due_date", ">", "2026-07-01")
      .orderBy("due_date")
      .executeTakeFirstOrThrow();
    const due = task.due_date!;
    const holidays = new Set(
      (
        (await call(h.app, { url: "/api/holidays", headers: admin.headers })).body.items as {
          date: string;
        }[]
      ).map((x) => x.date),
    );
    const told = await day(workingDayOnOrBefore(addDays(due, -30), holidays));
    expect(told).toContain(`task_due ${due} 30 task:${task.id}`);
    expect(told.some((r) => r.startsWith("task_due ") && r.split(" ")[2] !== "30")).toBe(false);
  });
});
