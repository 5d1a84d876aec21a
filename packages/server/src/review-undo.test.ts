import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { actorFor } from "./services/auth.service.js";
import { undoReview } from "./services/review-undo.service.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

/** A reviewer undoes a decision for a short while, and the audit keeps it. */
describe.each(dialects())("undoing a review decision (%s)", (dialect) => {
  let h: Harness;
  let own: { taskId: number; unitId: number };
  let staff: User;
  let monitor: User;
  let otherMonitor: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    own = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
    otherMonitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const submit = (payload: object) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: staff.headers,
      payload,
    });
  const post = (url: string, user: User, payload?: object) =>
    call(h.app, { method: "POST", url, headers: user.headers, payload });
  const task = async () =>
    (await call(h.app, { url: `/api/tasks/${own.taskId}`, headers: monitor.headers })).body;

  it("puts an accepted report back in the queue and the task's completion back, audited", async () => {
    const report = await submit({
      period: "2026-11",
      state: "completed",
      completedOn: "2026-11-02",
      summary: "Đã ban hành quyết định",
    });
    await post(`/api/reports/${report.body.id}/review`, monitor, { decision: "accept" });
    expect((await task()).completedOn).toBe("2026-11-02");
    expect((await post(`/api/reports/${report.body.id}/review/undo`, otherMonitor)).status).toBe(
      403,
    );
    const undone = await post(`/api/reports/${report.body.id}/review/undo`, monitor);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: "submitted", reviews: [] });
    const after = await task();
    expect(after.completedOn).toBeNull();
    const event = after.audit.find(
      (a: { action: string; entityId: string }) =>
        a.action === "report.review_undo" && a.entityId === String(report.body.id),
    );
    expect(event.before).toMatchObject({ status: "accepted", decision: "accept" });
    expect(event.after).toMatchObject({ status: "submitted", taskCompletedOn: null });
    const queue = (
      await call(h.app, { url: "/api/reports?status=submitted", headers: monitor.headers })
    ).body.items.map((r: { id: number }) => r.id);
    expect(queue).toContain(report.body.id);
    expect((await post(`/api/reports/${report.body.id}/review/undo`, monitor)).status).toBe(409);
    // decided again: the report leaves the queue for good
    await post(`/api/reports/${report.body.id}/review`, monitor, {
      decision: "return",
      comment: "Thiếu quyết định",
    });
  });

  it("refuses once the unit has sent a correction, and after the undo window", async () => {
    const report = await submit({ period: "2026-10", state: "in_progress", summary: "Đang làm" });
    await post(`/api/reports/${report.body.id}/review`, monitor, {
      decision: "return",
      comment: "Thiếu số liệu",
    });
    const actor = await actorFor(
      h.ctx,
      await h.ctx.db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", monitor.user.id)
        .executeTakeFirstOrThrow(),
      "token",
    );
    const later = new Date(Date.now() + 11 * 60_000);
    await expect(undoReview(h.ctx, actor, report.body.id, later)).rejects.toThrow(/Quá 10 phút/);
    await submit({ supersedes: report.body.id, state: "in_progress", summary: "Đủ số liệu" });
    const res = await post(`/api/reports/${report.body.id}/review/undo`, monitor);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain("báo cáo sửa đổi");
  });
});
