import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("acceptance on plan 596 (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let leader: User;
  let monitor: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    leader = await makeUser(h.ctx, "leader");
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const stats = async () =>
    (await call(h.app, { url: `/api/stats?plan=${plan}&asOf=2026-06-01`, headers: leader.headers }))
      .body;

  /** Task 7 of the plan's first appendix, as the task list shows it. */
  async function task7() {
    const { body } = await call(h.app, {
      url: `/api/tasks?plan=${plan}&q=7&limit=500`,
      headers: leader.headers,
    });
    const appendices = [
      ...new Set(body.items.map((t: { appendixId: number }) => t.appendixId)),
    ].sort();
    return body.items.find(
      (t: { number: string; appendixId: number }) =>
        t.number === "7" && t.appendixId === appendices[0],
    );
  }

  it("shows 17 overdue, 11 in time and 63 recurring tasks as of 01/06/2026 with no reports", async () => {
    const body = await stats();
    expect(body.asOf).toBe("2026-06-01");
    expect(body.counts).toMatchObject({ overdue: 17, in_time: 11, recurring: 63, done_on_time: 0 });
    const overdue = await call(h.app, {
      url: `/api/tasks?plan=${plan}&asOf=2026-06-01&status=overdue&limit=100`,
      headers: leader.headers,
    });
    expect(overdue.body.total).toBe(17);
    expect(overdue.body.items.every((t: { status: string }) => t.status === "overdue")).toBe(true);
  });

  it("a report accepted for task 7 (completed 20/03/2026) makes it done_on_time; other units get 403", async () => {
    const task = await task7();
    expect(task).toBeDefined();
    const leadOrg = task.lead[0].orgId as number;
    expect(leadOrg).toBeTypeOf("number");
    const staff = await makeUser(h.ctx, "unit_staff", leadOrg);

    const submitted = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${task.id}/reports`,
      headers: staff.headers,
      payload: {
        state: "completed",
        completedOn: "2026-03-20",
        summary: "Đã hoàn thành, trình Bộ trưởng ký ban hành.",
      },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      id: expect.any(Number),
      status: "submitted",
      taskId: task.id,
    });
    const before = (
      await call(h.app, { url: `/api/tasks/${task.id}?asOf=2026-06-01`, headers: leader.headers })
    ).body;
    expect(before.status).toBe(task.status);

    const review = await call(h.app, {
      method: "POST",
      url: `/api/reports/${submitted.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect(review.status).toBe(200);
    const after = (
      await call(h.app, { url: `/api/tasks/${task.id}?asOf=2026-06-01`, headers: leader.headers })
    ).body;
    expect(after.status).toBe("done_on_time");
    expect(after.completedOn).toBe("2026-03-20");
    expect(after.reports[0].reviews[0].decision).toBe("accept");
    expect((await stats()).counts.done_on_time).toBe(1);

    // A unit user of another unit (a sibling under the same ministry): 403 for reading and reporting.
    const parent = await h.ctx.db
      .selectFrom("organisations")
      .select("parent_id")
      .where("id", "=", leadOrg)
      .executeTakeFirstOrThrow();
    const other = await buildOrganisation(h.ctx.db, {
      name: "Vụ Thử nghiệm Khác",
      parent_id: parent.parent_id,
    });
    const outsider = await makeUser(h.ctx, "unit_head", other.id);
    expect(
      (await call(h.app, { url: `/api/tasks/${task.id}`, headers: outsider.headers })).status,
    ).toBe(403);
    const denied = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${task.id}/reports`,
      headers: outsider.headers,
      payload: { state: "in_progress", summary: "Thử" },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe("forbidden");
  });
});
