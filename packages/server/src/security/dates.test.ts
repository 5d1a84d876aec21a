/**
 * An impossible date must be refused at the door (every input schema) and a
 * bad value already stored must never make a task, a list or a dashboard unreadable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "../test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("impossible dates (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let own: { taskId: number; unitId: number };
  let staff: User;
  let monitor: User;
  let leader: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    own = await unitTask(h.ctx, plan);
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
    leader = await makeUser(h.ctx, "leader");
  });
  afterAll(async () => h.close());

  const submit = (payload: object) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: staff.headers,
      payload,
    });

  it.each(["2026-02-30", "0000-00-00", "1900-01-01", "9999-12-31", "2026-13-01", "2026-6-1"])(
    "refuses completedOn %s with a Vietnamese 400",
    async (completedOn) => {
      const res = await submit({ state: "completed", completedOn, summary: "Đã xong" });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/completedOn/);
      expect(res.body.message ?? JSON.stringify(res.body)).toMatch(/ngày/i);
    },
  );

  it.each(["9999-Q4", "1900-05", "2026-13", "2026-Q5", "2040-05", "2019-05"])(
    "refuses the reporting period %s",
    async (period) => {
      const res = await submit({ period, state: "in_progress", summary: "Đang làm" });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/period|Kỳ báo cáo/);
    },
  );

  it("accepts a period within the plan's years ± 1", async () => {
    const res = await submit({ period: "2027-01", state: "in_progress", summary: "Đang làm" });
    expect(res.status).toBe(201);
  });

  it("refuses an impossible deadline in a change request, an asOf filter and a period filter", async () => {
    const change = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/change-requests`,
      headers: staff.headers,
      payload: { kind: "extend_deadline", reason: "Chậm", dueDate: "2026-02-30" },
    });
    expect(change.status).toBe(400);
    for (const url of [
      `/api/tasks?asOf=2026-02-30`,
      `/api/stats?asOf=9999-12-31`,
      `/api/tasks/${own.taskId}?asOf=0000-00-00`,
      `/api/overdue?asOf=1900-01-01`,
      `/api/reports?period=9999-Q4`,
      `/api/reports?period=2026-13`,
      `/api/reports?period=0000-00`,
    ]) {
      expect((await call(h.app, { url, headers: leader.headers })).status, url).toBe(400);
    }
  });

  it("a bad date already stored leaves the task, its plan's list and the dashboard readable", async () => {
    // its own period: the month under way may be 2027-01, which the test above reported on
    const stored = await submit({
      period: "2026-02",
      state: "completed",
      completedOn: "2026-02-27",
      summary: "Xong",
    });
    expect(stored.status).toBe(201);
    const review = await call(h.app, {
      method: "POST",
      url: `/api/reports/${stored.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect(review.status).toBe(200);
    // A value written before the schema was strict (or by hand in the database).
    await h.ctx.db
      .updateTable("tasks")
      .set({ completed_on: "2026-02-30", due_date: "2026-13-45" })
      .where("id", "=", own.taskId)
      .execute();
    await h.ctx.db
      .updateTable("progress_reports")
      .set({ completed_on: "2026-02-30" })
      .where("id", "=", stored.body.id)
      .execute();
    for (const user of [leader, monitor, staff]) {
      const detail = await call(h.app, {
        url: `/api/tasks/${own.taskId}?asOf=2026-06-01`,
        headers: user.headers,
      });
      expect(detail.status).toBe(200);
      expect(detail.body.id).toBe(own.taskId);
      for (const url of [
        `/api/tasks?plan=${plan}&asOf=2026-06-01&limit=500`,
        `/api/stats?plan=${plan}&asOf=2026-06-01`,
        `/api/overdue?plan=${plan}&asOf=2026-06-01`,
        `/api/inbox?asOf=2026-06-01`,
        `/api/reports?task=${own.taskId}`,
      ]) {
        if (url.startsWith("/api/inbox") && user !== staff) continue;
        const res = await call(h.app, { url, headers: user.headers });
        expect(res.status, url).toBe(200);
      }
    }
  });
});
