import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  leadAndCoordinatorTask,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

/** One live report per task and period. */
describe.each(dialects())("one live report per task and period (%s)", (dialect) => {
  let h: Harness;
  let taskId: number;
  let lead: User;
  let coordinator: User;
  let monitor: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    // a task of the seed with a lead unit and a coordinating unit
    const task = await leadAndCoordinatorTask(h.ctx, plan);
    taskId = task.taskId;
    lead = await makeUser(h.ctx, "unit_staff", task.leadId);
    coordinator = await makeUser(h.ctx, "unit_staff", task.coordinatorId);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const submit = (payload: object, user = lead) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/reports`,
      headers: user.headers,
      payload: { state: "in_progress", summary: "Đang triển khai", ...payload },
    });
  const review = (id: number, decision: "accept" | "return") =>
    call(h.app, {
      method: "POST",
      url: `/api/reports/${id}/review`,
      headers: monitor.headers,
      payload: { decision, comment: decision === "return" ? "Bổ sung minh chứng" : undefined },
    });
  const count = async (period: string) =>
    Number(
      (
        await h.ctx.db
          .selectFrom("progress_reports")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("task_id", "=", taskId)
          .where("period_key", "=", period)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const queueIds = async () =>
    (
      await call(h.app, {
        url: "/api/reports?status=submitted&limit=200",
        headers: monitor.headers,
      })
    ).body.items.map((r: { id: number }) => r.id);

  it("refuses a second report while one is pending, naming it in Vietnamese (409)", async () => {
    const first = await submit({ period: "2026-11" });
    expect(first.status).toBe(201);
    const second = await submit({ period: "2026-11", summary: "Gửi lại lần nữa" });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain(`báo cáo số ${first.body.id} (Tháng 11/2026)`);
    expect(second.body.message).toContain("đang chờ duyệt");
    expect(await count("2026-11")).toBe(1);
    // another unit of the task is held by the same rule
    expect((await submit({ period: "2026-11" }, coordinator)).status).toBe(409);
  });

  it("lets the same unit correct its pending report once; the original leaves the queue", async () => {
    const first = await submit({ period: "2026-10" });
    const fix = await submit({ supersedes: first.body.id, summary: "Bổ sung số liệu" });
    expect(fix.status).toBe(201);
    expect(fix.body).toMatchObject({
      supersedesId: first.body.id,
      period: "2026-10",
      periodLabel: "Tháng 10/2026",
    });
    const queue = await queueIds();
    expect(queue).toContain(fix.body.id);
    expect(queue).not.toContain(first.body.id);
    expect((await review(first.body.id, "accept")).status).toBe(409);
    const twice = await submit({ supersedes: first.body.id, summary: "Sửa lần hai" });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain(`số ${fix.body.id}`);
    const otherPeriod = await submit({ supersedes: fix.body.id, period: "2026-09" });
    expect(otherPeriod.status).toBe(400);
    expect(otherPeriod.body.message).toContain("Tháng 10/2026");
  });

  it("a coordinating unit cannot correct the lead unit's report (403)", async () => {
    const first = await submit({ period: "2026-08" });
    const foreign = await submit({ supersedes: first.body.id }, coordinator);
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain(`báo cáo số ${first.body.id}`);
    expect(await count("2026-08")).toBe(1);
  });

  it("keeps one accepted report per period: a new one must correct it", async () => {
    const first = await submit({ period: "2026-07" });
    expect((await review(first.body.id, "accept")).status).toBe(200);
    const again = await submit({ period: "2026-07" });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(`báo cáo số ${first.body.id} được chấp nhận`);
    const fix = await submit({ supersedes: first.body.id, summary: "Đính chính số liệu" });
    expect(fix.status).toBe(201);
    const returned = await review(fix.body.id, "return");
    expect(returned.body.status).toBe("returned");
    // the accepted report keeps its one correction, returned or not: a second one is refused
    const second = await submit({ supersedes: first.body.id, summary: "Sửa lần hai" });
    expect(second.status).toBe(409);
    expect(second.body.message).toBe(
      `Báo cáo số ${first.body.id} đã có báo cáo sửa đổi (số ${fix.body.id}); mỗi báo cáo chỉ được sửa đổi một lần.`,
    );
    // the accepted report was corrected once already: the next try corrects the correction
    const retry = await submit({ period: "2026-07" });
    expect(retry.status).toBe(409);
    expect(retry.body.message).toContain(`sửa đổi báo cáo số ${fix.body.id}`);
    const fix2 = await submit({ supersedes: fix.body.id, summary: "Đính chính, đủ minh chứng" });
    expect(fix2.status).toBe(201);
    expect((await review(fix2.body.id, "accept")).body.status).toBe("accepted");
  });

  it("refuses to accept a second report for a period written before the rule; the index holds too", async () => {
    const base = {
      task_id: taskId,
      org_id: null,
      period_key: "2026-06",
      state: "in_progress" as const,
      summary: "Báo cáo cũ",
      submitted_by: lead.user.id,
      submitted_at: "2026-06-10T03:00:00.000Z",
    };
    const accepted = await h.ctx.db
      .insertInto("progress_reports")
      .values({ ...base, status: "accepted" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const pending = await h.ctx.db
      .insertInto("progress_reports")
      .values({ ...base, status: "submitted" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const res = await review(pending.id, "accept");
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(`báo cáo số ${accepted.id} được chấp nhận`);
    await expect(
      h.ctx.db
        .updateTable("progress_reports")
        .set({ status: "accepted" })
        .where("id", "=", pending.id)
        .execute(),
    ).rejects.toThrow();
    await expect(
      h.ctx.db
        .insertInto("progress_reports")
        .values({ ...base, status: "submitted" })
        .execute(),
    ).rejects.toThrow();
  });

  it("makes a form sent twice one report (client token)", async () => {
    const payload = { period: "2026-05", clientToken: "form-4f1c2a9e" };
    const [a, b] = await Promise.all([submit(payload), submit(payload)]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await count("2026-05")).toBe(1);
    const again = await submit(payload);
    expect(again.body.id).toBe(a.body.id);
  });

  it("two different submissions racing for one period leave one report", async () => {
    const results = await Promise.all([
      submit({ period: "2026-04", clientToken: "race-aaaaaaaa" }),
      submit({ period: "2026-04", clientToken: "race-bbbbbbbb" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count("2026-04")).toBe(1);
  });

  it("filters the review queue by plan, kind, unit and period", async () => {
    const queue = async (query: string) =>
      (
        await call(h.app, {
          url: `/api/reports?status=submitted&limit=200${query}`,
          headers: monitor.headers,
        })
      ).body as {
        items: { id: number; period: string; orgId: number; taskId: number }[];
        total: number;
      };
    const all = await queue("");
    const november = await queue("&period=2026-11");
    expect(november.items).toHaveLength(1);
    expect(november.items.every((r) => r.period === "2026-11")).toBe(true);
    expect(november.total).toBe(november.items.length);
    expect(november.total).toBeLessThan(all.total);
    const task = await h.ctx.db
      .selectFrom("tasks")
      .select(["plan_id", "lead_org_id"])
      .where("id", "=", taskId)
      .executeTakeFirstOrThrow();
    const ofPlan = await queue(`&plan=${task.plan_id}&kind=time-bound&org=${task.lead_org_id}`);
    expect(ofPlan.items.some((r) => r.taskId === taskId)).toBe(true);
    expect(ofPlan.items.every((r) => r.orgId === task.lead_org_id)).toBe(true);
    // a report on another plan's task: only that plan's filter lists it
    const plan405 = await importSeed(h.ctx, "qd405");
    const other = await leadAndCoordinatorTask(h.ctx, plan405);
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${other.taskId}/reports`,
      headers: (await makeUser(h.ctx, "unit_staff", other.leadId)).headers,
      payload: { state: "in_progress", summary: "Kế hoạch khác" },
    });
    expect(sent.status).toBe(201);
    expect((await queue(`&plan=${task.plan_id}`)).items.map((r) => r.id)).not.toContain(
      sent.body.id,
    );
    expect((await queue(`&plan=${plan405}`)).items.map((r) => r.id)).toEqual([sent.body.id]);
    expect(
      (await queue(`&plan=${task.plan_id}&kind=recurring`)).items.some((r) => r.taskId === taskId),
    ).toBe(false);
    const bad = await call(h.app, { url: "/api/reports?period=thang-5", headers: monitor.headers });
    expect(bad.status).toBe(400);
  });
});
