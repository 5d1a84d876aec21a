import { listAudit } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  freshPeriod,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

/** Several reports accepted in one request, all or none, each audited. */
describe.each(dialects())("accepting several reports together (%s)", (dialect) => {
  let h: Harness;
  let own: { taskId: number; unitId: number };
  let staff: User;
  let monitor: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    own = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const post = (url: string, user: User, payload?: object) =>
    call(h.app, { method: "POST", url, headers: user.headers, payload });
  const submitted = async (): Promise<number> => {
    const res = await post(`/api/tasks/${own.taskId}/reports`, staff, {
      period: freshPeriod(h),
      state: "in_progress",
      summary: "Đang triển khai theo kế hoạch",
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const statusOf = async (id: number) =>
    (await call(h.app, { url: `/api/reports/${id}`, headers: monitor.headers })).body.status;

  it("accepts every chosen report, each with its own review and audit entry", async () => {
    const ids = [await submitted(), await submitted(), await submitted()];
    const res = await post("/api/reports/accept", monitor, { reportIds: ids });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual(
      ids.map((id) => [id, "accepted"]),
    );
    const audit = (await listAudit(h.ctx.db, [{ entity: "report", ids }])).filter(
      (e) => e.action === "report.accept",
    );
    expect(audit.map((e) => Number(e.entity_id)).sort()).toEqual([...ids].sort());
    expect(audit.every((e) => e.actor_id === monitor.user.id)).toBe(true);
    const queue = await call(h.app, {
      url: "/api/reports?status=submitted",
      headers: monitor.headers,
    });
    expect(queue.body.items.map((r: { id: number }) => r.id)).not.toContain(ids[0]);
  });

  it("accepts none when one of them is refused, and names that report", async () => {
    const returned = await submitted();
    await post(`/api/reports/${returned}/review`, monitor, {
      decision: "return",
      comment: "Bổ sung minh chứng",
    });
    const [a, b] = [await submitted(), await submitted()];
    const res = await post("/api/reports/accept", monitor, { reportIds: [a, returned, b] });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(`Báo cáo số ${returned}:`);
    expect(await statusOf(a)).toBe("submitted");
    expect(await statusOf(b)).toBe("submitted");
    const audit = (await listAudit(h.ctx.db, [{ entity: "report", ids: [a, b] }])).filter(
      (e) => e.action === "report.accept",
    );
    expect(audit).toEqual([]);
  });

  it("is the monitoring department's; a list of ids once each, at most 100", async () => {
    const id = await submitted();
    expect((await post("/api/reports/accept", staff, { reportIds: [id] })).status).toBe(403);
    const twice = await post("/api/reports/accept", monitor, { reportIds: [id, id] });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain("Mỗi báo cáo chỉ chọn một lần");
    expect((await post("/api/reports/accept", monitor, { reportIds: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1);
    expect((await post("/api/reports/accept", monitor, { reportIds: tooMany })).status).toBe(400);
    expect(await statusOf(id)).toBe("submitted");
  });
});
