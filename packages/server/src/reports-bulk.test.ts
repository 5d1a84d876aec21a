import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;
type InboxItem = { task: { id: number; kind: string }; period: { key: string } };

/** Several tasks reported at once, each as its own report, all or nothing. */
describe.each(dialects())("báo cáo nhiều nhiệm vụ cùng lúc (%s)", (dialect) => {
  let h: Harness;
  let staff: User;
  let monitor: User;
  let recurring: InboxItem[] = [];
  let timeBound: InboxItem;
  let foreignTask: number;

  const countReports = async () =>
    Number(
      (
        await h.ctx.db
          .selectFrom("progress_reports")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const bulk = (payload: object, user = staff) =>
    call(h.app, { method: "POST", url: "/api/reports/bulk", headers: user.headers, payload });

  beforeAll(async () => {
    h = await startHarness(dialect);
    await importSeed(h.ctx, "qd596");
    await importSeed(h.ctx, "qd405");
    // the unit leading or coordinating the most recurring tasks
    const unit = await h.ctx.db
      .selectFrom("task_orgs")
      .innerJoin("tasks", "tasks.id", "task_orgs.task_id")
      .select(["task_orgs.org_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("tasks.kind", "=", "recurring")
      .where("task_orgs.org_id", "is not", null)
      .groupBy("task_orgs.org_id")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    staff = await makeUser(h.ctx, "unit_staff", unit.org_id);
    monitor = await makeUser(h.ctx, "monitor");
    const inbox = (await call(h.app, { url: "/api/inbox?limit=100", headers: staff.headers }))
      .body as { items: InboxItem[] };
    recurring = inbox.items.filter((i) => i.task.kind === "recurring");
    timeBound = inbox.items.find((i) => i.task.kind === "time-bound")!;
    const mine = new Set(inbox.items.map((i) => i.task.id));
    const other = await h.ctx.db.selectFrom("tasks").select("id").execute();
    foreignTask = other.map((t) => t.id).find((id) => !mine.has(id))!;
  });
  afterAll(async () => h.close());

  it("sends “Không phát sinh” for three recurring tasks, each its own report for its period", async () => {
    expect(recurring.length).toBeGreaterThanOrEqual(4);
    const chosen = recurring.slice(0, 3);
    const before = await countReports();
    const res = await bulk({
      taskIds: chosen.map((i) => i.task.id),
      state: "nothing_to_report",
    });
    expect(res.status).toBe(201);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items.map((r: { taskId: number }) => r.taskId)).toEqual(
      chosen.map((i) => i.task.id),
    );
    expect(res.body.items.map((r: { period: string }) => r.period)).toEqual(
      chosen.map((i) => i.period.key),
    );
    for (const r of res.body.items) {
      expect(r).toMatchObject({ state: "nothing_to_report", status: "submitted" });
      expect(r.summary).toBe("Không phát sinh");
    }
    expect(await countReports()).toBe(before + 3);
    const audited = await h.ctx.db
      .selectFrom("audit_events")
      .select("entity_id")
      .where("action", "=", "report.submit")
      .where(
        "entity_id",
        "in",
        res.body.items.map((r: { id: number }) => String(r.id)),
      )
      .execute();
    expect(audited).toHaveLength(3);
    const queue = (
      await call(h.app, {
        url: "/api/reports?status=submitted&limit=200",
        headers: monitor.headers,
      })
    ).body as { items: { id: number }[] };
    for (const r of res.body.items) expect(queue.items.map((q) => q.id)).toContain(r.id);
  });

  it("sends the same short report with its text", async () => {
    const res = await bulk({
      taskIds: [recurring[3]!.task.id],
      state: "in_progress",
      summary: "Đã triển khai theo kế hoạch tháng.",
    });
    expect(res.status).toBe(201);
    expect(res.body.items[0]).toMatchObject({
      state: "in_progress",
      summary: "Đã triển khai theo kế hoạch tháng.",
    });
  });

  it("writes nothing when one task is refused, and names it", async () => {
    const before = await countReports();
    // a month nobody reported yet: the first task passes, the second is refused
    const period = "2030-06";
    const wrongKind = await bulk({
      taskIds: [recurring[0]!.task.id, timeBound.task.id],
      state: "nothing_to_report",
      period,
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.message).toContain(`Nhiệm vụ số hiệu ${timeBound.task.id}`);
    expect(wrongKind.body.message).toContain("Không phát sinh");
    const foreign = await bulk({
      taskIds: [recurring[1]!.task.id, foreignTask],
      state: "in_progress",
      summary: "Thử",
      period,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain(`Nhiệm vụ số hiệu ${foreignTask}`);
    expect(await countReports()).toBe(before);
  });

  it("counts a bulk's reports against the per-user limit: over it, 429 and nothing written", async () => {
    const limit = h.ctx.config.reportRate;
    const sent = Number(
      (
        await h.ctx.db
          .selectFrom("progress_reports")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("submitted_by", "=", staff.user.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    h.ctx.config.reportRate = { max: sent + 1, windowMs: 600_000 };
    try {
      const before = await countReports();
      const res = await bulk({
        taskIds: recurring.slice(4, 6).map((i) => i.task.id),
        state: "nothing_to_report",
      });
      expect(res.status).toBe(429);
      expect(Number(res.res.headers["retry-after"])).toBeGreaterThan(0);
      expect(res.body.message).toMatch(/lần này gửi thêm 2\)\. Vui lòng thử lại sau \d+ giây\.$/);
      expect(await countReports()).toBe(before);
    } finally {
      h.ctx.config.reportRate = limit;
    }
  });

  it("refuses an empty or repeated choice, a missing text and other roles", async () => {
    expect((await bulk({ taskIds: [], state: "nothing_to_report" })).status).toBe(400);
    const twice = recurring[0]!.task.id;
    const repeated = await bulk({ taskIds: [twice, twice], state: "nothing_to_report" });
    expect(repeated.status).toBe(400);
    expect(repeated.body.message).toContain("Mỗi nhiệm vụ chỉ chọn một lần");
    const noText = await bulk({ taskIds: [twice], state: "in_progress" });
    expect(noText.status).toBe(400);
    expect(noText.body.message).toContain("summary");
    const asMonitor = await bulk({ taskIds: [twice], state: "nothing_to_report" }, monitor);
    expect(asMonitor.status).toBe(403);
  });
});
