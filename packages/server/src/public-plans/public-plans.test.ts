import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { actorFor } from "../services/auth.service.js";
import { reviewReport, submitReport } from "../services/report.service.js";
import {
  call,
  freshPeriod,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "../test-support/server-harness.js";

const SECRET = "ZZQ-MẬT-7731";
const INTERNAL = "ZZQ-NỘI-BỘ-5519";

describe.each(dialects())("public transparency pages (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let monitor: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const actorOf = async (id: number) =>
    actorFor(
      h.ctx,
      await h.ctx.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
      "token",
    );

  it("serves a plan only once published: 404 before, audited with its reason", async () => {
    expect((await call(h.app, { method: "GET", url: `/api/public/plans/${plan}` })).status).toBe(
      404,
    );
    expect((await call(h.app, { method: "GET", url: "/api/public/plans" })).body).toEqual([]);
    const refused = await call(h.app, {
      method: "PUT",
      url: `/api/plans/${plan}/published`,
      headers: monitor.headers,
      payload: { published: true, reason: " " },
    });
    expect(refused.status).toBe(400);
    const done = await call(h.app, {
      method: "PUT",
      url: `/api/plans/${plan}/published`,
      headers: monitor.headers,
      payload: { published: true, reason: "Công khai theo Nghị quyết 57" },
    });
    expect(done.status).toBe(200);
    expect(done.body.publishedAt).toEqual(expect.any(String));
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "plan.published")
      .where("entity_id", "=", String(plan))
      .execute();
    expect(audit.map((a) => a.reason)).toEqual(["Công khai theo Nghị quyết 57"]);
    const list = await call(h.app, { method: "GET", url: "/api/public/plans" });
    expect(list.body.map((p: { id: number }) => p.id)).toEqual([plan]);
  });

  it("serves a burst from the cache with an ETag (304) until an audited write changes the data", async () => {
    const url = `/api/public/plans/${plan}`;
    const first = await call(h.app, { method: "GET", url });
    const etag = first.res.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(first.res.headers["cache-control"]).toBe("public, max-age=60");
    const again = await call(h.app, { method: "GET", url, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.res.body).toBe("");

    // a change written without going through the services (no audit event) is not seen: the
    // response comes from the cache
    const name = first.body.overdue[0].name as string;
    const task = await h.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("plan_id", "=", plan)
      .where("name", "=", name)
      .executeTakeFirstOrThrow();
    await h.ctx.db
      .updateTable("tasks")
      .set({ name: `${name} ZZQ` })
      .where("id", "=", task.id)
      .execute();
    const cached = await call(h.app, { method: "GET", url });
    expect(cached.res.headers.etag).toBe(etag);
    expect(cached.res.body).toBe(first.res.body);

    // a correction (audited) is seen at once, with a new ETag
    const correct = (to: string) =>
      call(h.app, {
        method: "POST",
        url: `/api/tasks/${task.id}/corrections`,
        headers: monitor.headers,
        payload: { reason: "Sửa tên theo văn bản gốc", name: to },
      });
    expect((await correct(`${name} (hiệu chỉnh)`)).status).toBe(200);
    const fresh = await call(h.app, { method: "GET", url });
    expect(fresh.res.headers.etag).not.toBe(etag);
    expect(fresh.body.overdue[0].name).toBe(`${name} (hiệu chỉnh)`);
    await correct(name);
    expect((await call(h.app, { method: "GET", url })).res.headers.etag).toBe(etag);
  });

  it("never shows a confidential task or an internal comment, and counts without them", async () => {
    const stats = await call(h.app, {
      method: "GET",
      url: `/api/stats?plan=${plan}`,
      headers: monitor.headers,
    });
    const before = await call(h.app, { method: "GET", url: `/api/public/plans/${plan}` });
    expect(before.status).toBe(200);
    expect(before.body.counts).toEqual(stats.body.counts);
    expect(before.body.total).toBe(stats.body.total);
    expect(before.body.overdueTotal).toBe(stats.body.counts.overdue);
    expect(before.body.overdue.length).toBeGreaterThan(0);

    // an overdue task becomes confidential; a unit's report gets an internal review comment
    const overdueTask = await h.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("plan_id", "=", plan)
      .where("name", "=", before.body.overdue[0].name)
      .executeTakeFirstOrThrow();
    await h.ctx.db
      .updateTable("tasks")
      .set({ confidential: 1, name: `Nhiệm vụ ${SECRET}` })
      .where("id", "=", overdueTask.id)
      .execute();
    const own = await unitTask(h.ctx, plan);
    const staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    const report = await submitReport(h.ctx, await actorOf(staff.user.id), own.taskId, {
      period: freshPeriod(h),
      state: "in_progress",
      summary: `Đang triển khai ${INTERNAL}`,
      evidence: [],
      keepEvidence: [],
    });
    await reviewReport(h.ctx, await actorOf(monitor.user.id), report.id, {
      decision: "return",
      comment: `Bổ sung ${INTERNAL}`,
    });

    const after = await call(h.app, { method: "GET", url: `/api/public/plans/${plan}` });
    const list = await call(h.app, { method: "GET", url: "/api/public/plans" });
    const month = after.body.asOf.slice(0, 7);
    const data = `/api/public/plans/${plan}/data/${month}`;
    const json = await call(h.app, { method: "GET", url: `${data}.json` });
    const csv = await call(h.app, { method: "GET", url: `${data}.csv` });
    expect(json.status).toBe(200);
    expect(json.body).toEqual(after.body);
    expect(csv.res.headers["content-type"]).toContain("text/csv");
    const lines = csv.res.body.trim().split("\r\n");
    expect(lines).toContain(
      `"trang_thai","overdue","${after.body.labels.overdue}","${after.body.counts.overdue}","","",""`,
    );
    expect(lines.filter((l) => l.startsWith('"qua_han"'))).toHaveLength(after.body.overdue.length);
    for (const body of [after.res.body, list.res.body, json.res.body, csv.res.body]) {
      expect(body).not.toContain("ZZQ");
      expect(body).not.toContain(staff.username);
      expect(body).not.toContain(monitor.username);
    }
    expect(after.body.total).toBe(before.body.total - 1);
    expect(after.body.counts.overdue).toBe(before.body.counts.overdue - 1);
    expect(after.body.overdueTotal).toBe(before.body.overdueTotal - 1);
  });

  it("withdraws a plan: 404 again; only the monitoring department may publish", async () => {
    const staff = await makeUser(h.ctx, "unit_staff", (await unitTask(h.ctx, plan)).unitId);
    const forbidden = await call(h.app, {
      method: "PUT",
      url: `/api/plans/${plan}/published`,
      headers: staff.headers,
      payload: { published: false, reason: "Thử" },
    });
    expect(forbidden.status).toBe(403);
    await call(h.app, {
      method: "PUT",
      url: `/api/plans/${plan}/published`,
      headers: monitor.headers,
      payload: { published: false, reason: "Tạm dừng công khai" },
    });
    for (const url of [`/api/public/plans/${plan}`, `/api/public/plans/${plan}/data/2026-11.csv`])
      expect((await call(h.app, { method: "GET", url })).status).toBe(404);
    expect(
      (await call(h.app, { method: "GET", url: `/api/public/plans/${plan}/data/2026-13.csv` }))
        .status,
    ).toBe(400);
  });
});
