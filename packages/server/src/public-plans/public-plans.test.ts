import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFeedback } from "@giamsat/db";
import { dialects } from "../../../db/src/test-support/index.js";
import { actorFor } from "../services/auth.service.js";
import { reviewReport, submitReport } from "../services/report.service.js";
import { PUBLIC_RECHECK_MS } from "./public-plans.routes.js";
import {
  call,
  freshPeriod,
  importSeed,
  makeUser,
  publishPlan,
  startHarness,
  taskIdNamed,
  unitTask,
  type Harness,
} from "../test-support/server-harness.js";

const SECRET = "ZZQ-MẬT-7731";
const INTERNAL = "ZZQ-NỘI-BỘ-5519";

describe.each(dialects())("public transparency pages (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  // 10:00 in Vietnam on 5 December 2026: the page and the month under way are as of this day
  const clock = new Date("2026-12-05T03:00:00Z");

  beforeAll(async () => {
    h = await startHarness(dialect, {}, { now: clock });
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
    const refused = await publishPlan(h.app, monitor.headers, plan, " ");
    expect(refused.status).toBe(400);
    const done = await publishPlan(h.app, monitor.headers, plan);
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
    const taskId = await taskIdNamed(h.ctx, plan, name);
    await h.ctx.db
      .updateTable("tasks")
      .set({ name: `${name} ZZQ` })
      .where("id", "=", taskId)
      .execute();
    const cached = await call(h.app, { method: "GET", url });
    expect(cached.res.headers.etag).toBe(etag);
    expect(cached.res.body).toBe(first.res.body);

    // a correction (audited) is seen at once, with a new ETag
    const correct = (to: string) =>
      call(h.app, {
        method: "POST",
        url: `/api/tasks/${taskId}/corrections`,
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

    // written through the services, not this server's API (as by another server): seen once the
    // data version is read again
    clock.setTime(clock.getTime() + PUBLIC_RECHECK_MS);
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
      `"trang_thai","overdue","${after.body.labels.overdue}","${after.body.counts.overdue}","","","","",""`,
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

  it("shows units' reasons and new dates, late units, indicators and published answers — never a review comment, contact or hidden name", async () => {
    const url = `/api/public/plans/${plan}`;
    const before = await call(h.app, { method: "GET", url });
    const overdue = await h.ctx.db
      .selectFrom("tasks")
      .select(["id", "name", "lead_org_id"])
      .where("plan_id", "=", plan)
      .where("confidential", "=", 0)
      .where("lead_org_id", "is not", null)
      .where(
        "name",
        "in",
        before.body.overdue.map((t: { name: string }) => t.name),
      )
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const staff = await makeUser(h.ctx, "unit_staff", overdue.lead_org_id);
    // the unit explains itself in an accepted report (with an internal review comment) and asks
    // for a new deadline
    const report = await submitReport(h.ctx, await actorOf(staff.user.id), overdue.id, {
      period: freshPeriod(h),
      state: "in_progress",
      summary: "Đang hoàn thiện dự thảo",
      difficulties: "Chờ ý kiến thẩm định của Bộ Tài chính",
      evidence: [],
      keepEvidence: [],
    });
    await reviewReport(h.ctx, await actorOf(monitor.user.id), report.id, {
      decision: "accept",
      comment: `Đã kiểm tra ${INTERNAL}`,
    });
    const extension = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${overdue.id}/change-requests`,
      headers: staff.headers,
      payload: { kind: "extend_deadline", reason: "Chờ thẩm định", dueDate: "2027-03-31" },
    });
    expect(extension.status).toBe(201);

    // PAKN: two published answers (one sender chose to publish the name), one still open, one
    // about a confidential task
    const confidential = await h.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("plan_id", "=", plan)
      .where("confidential", "=", 1)
      .executeTakeFirstOrThrow();
    const feedback = (
      code: string,
      taskId: number,
      status: string,
      publishName: number,
      rating: number | null,
    ) =>
      insertFeedback(h.ctx.db, {
        code,
        kind: "kien_nghi",
        title: `Kiến nghị ${code}`,
        content: `Nội dung ${code}`,
        content_key: code,
        task_id: taskId,
        sender_name: `Nguyễn Văn ZZQ-${code}`,
        sender_org: `Công ty ZZQ-${code}`,
        sender_email: `zzq-${code.toLowerCase()}@example.vn`,
        sender_phone: "0912 345 678",
        publish_name: publishName,
        consent_at: "2026-11-01T00:00:00.000Z",
        secret_hash: "x",
        status,
        unit_id: overdue.lead_org_id,
        answer: `Trả lời ${code}`,
        internal_note: `Ghi chú ZZQ-${code}`,
        rating,
        rating_comment: `Bình luận ZZQ-${code}`,
      });
    await feedback("GY-20261101-AAAAA2", overdue.id, "published", 0, 4);
    await feedback("GY-20261101-AAAAA3", overdue.id, "published", 1, null);
    await feedback("GY-20261101-AAAAA4", overdue.id, "answered", 0, null);
    await feedback("GY-20261101-AAAAA5", confidential.id, "published", 0, 5);
    // reports owed since June: the units leading recurring tasks are late (an audited write, so
    // the page also computes afresh after the feedback rows written above without a service)
    const tracked = await call(h.app, {
      method: "PATCH",
      url: `/api/plans/${plan}`,
      headers: monitor.headers,
      payload: { trackedFrom: "2026-06-01" },
    });
    expect(tracked.status).toBe(200);

    const after = await call(h.app, { method: "GET", url });
    const row = after.body.overdue.find((t: { name: string }) => t.name === overdue.name);
    expect(row).toMatchObject({
      reason: "Chờ ý kiến thẩm định của Bộ Tài chính",
      newDate: "2027-03-31",
    });
    expect(
      after.body.overdue.filter((t: { reason: string }) => t.reason !== "").length,
    ).toBeGreaterThan(0);
    const fb = after.body.feedback;
    expect(fb.items.map((f: { code: string }) => f.code).sort()).toEqual([
      "GY-20261101-AAAAA2",
      "GY-20261101-AAAAA3",
    ]);
    expect(fb).toMatchObject({ total: 2, rated: 1, averageRating: 4 });
    expect(fb.items.find((f: { code: string }) => f.code === "GY-20261101-AAAAA3").senderName).toBe(
      "Nguyễn Văn ZZQ-GY-20261101-AAAAA3",
    );
    expect(fb.items.find((f: { code: string }) => f.code === "GY-20261101-AAAAA2")).toMatchObject({
      senderName: null,
      answer: "Trả lời GY-20261101-AAAAA2",
      rating: 4,
    });

    // the same late units and indicators as the monitoring department's pages
    expect(after.body.lateUnits.length).toBeGreaterThan(0);
    expect(after.body.indicators.length).toBeGreaterThan(0);
    const cards = await call(h.app, {
      method: "GET",
      url: `/api/scorecards?plan=${plan}`,
      headers: monitor.headers,
    });
    expect(after.body.lateUnits).toEqual(
      cards.body.items
        .filter(
          (c: { reportsOnTime: number; reportsDue: number }) => c.reportsOnTime < c.reportsDue,
        )
        .map((c: { name: string; reportsDue: number; reportsOnTime: number }) => ({
          unit: c.name,
          reportsDue: c.reportsDue,
          reportsOnTime: c.reportsOnTime,
        })),
    );
    const indicators = await call(h.app, {
      method: "GET",
      url: `/api/indicators?plan=${plan}&limit=1000`,
      headers: monitor.headers,
    });
    expect(after.body.indicators.map((i: { name: string }) => i.name)).toEqual(
      indicators.body.items.map((i: { name: string }) => i.name),
    );

    const csv = await call(h.app, {
      method: "GET",
      url: `/api/public/plans/${plan}/data/${after.body.asOf.slice(0, 7)}.csv`,
    });
    expect(csv.res.body).toContain('"Chờ ý kiến thẩm định của Bộ Tài chính","2027-03-31"');
    expect(csv.res.body).toContain(
      '"pakn","GY-20261101-AAAAA2","Kiến nghị GY-20261101-AAAAA2","4"',
    );
    // only the name the sender chose to publish; no contact, note, rating comment or review
    for (const body of [after.res.body, csv.res.body]) {
      const hidden = body.replaceAll("Nguyễn Văn ZZQ-GY-20261101-AAAAA3", "");
      expect(hidden).not.toContain("ZZQ");
      expect(hidden).not.toContain("example.vn");
      expect(hidden).not.toContain("0912 345 678");
      expect(hidden).not.toContain("GY-20261101-AAAAA4");
      expect(hidden).not.toContain("GY-20261101-AAAAA5");
    }

    // every public GET the API document lists, filled in with this plan and these submissions
    const doc = (await call(h.app, { method: "GET", url: "/api/openapi.json" })).body as {
      paths: Record<string, { get?: unknown }>;
    };
    const month = after.body.asOf.slice(0, 7);
    const fill: Record<string, string[]> = {
      id: [String(plan)],
      file: [`${month}.csv`, `${month}.json`],
      code: [
        "GY-20261101-AAAAA2",
        "GY-20261101-AAAAA3",
        "GY-20261101-AAAAA4",
        "GY-20261101-AAAAA5",
      ],
    };
    const urls = Object.keys(doc.paths)
      .filter((p) => p.startsWith("/api/public/") && doc.paths[p]!.get)
      .flatMap((p) =>
        (p.match(/\{(\w+)\}/g) ?? []).reduce(
          (acc, param) => {
            const values = fill[param.slice(1, -1)];
            if (!values) throw new Error(`${p}: no value for ${param} in this test`);
            return acc.flatMap((u) => values.map((v) => u.replace(param, v)));
          },
          [p],
        ),
      );
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const url of urls) {
      const res = await call(h.app, { method: "GET", url });
      expect(res.status, url).toBe(200);
      const hidden = res.res.body.replaceAll("Nguyễn Văn ZZQ-GY-20261101-AAAAA3", "");
      for (const secret of [
        "ZZQ",
        "example.vn",
        "0912 345 678",
        INTERNAL,
        staff.username,
        monitor.username,
      ])
        expect(hidden, url).not.toContain(secret);
    }
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
