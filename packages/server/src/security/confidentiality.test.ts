/**
 * A confidential (mật) task stays hidden from unit staff in every list,
 * count and total — change requests, reports and their totals — and on the other side of a
 * link between tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "../test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("confidential tasks in lists, totals and links (%s)", (dialect) => {
  let h: Harness;
  let unit: number;
  let secret: number;
  let open: number;
  let otherSecret: number;
  let staff: User;
  let head: User;
  let leader: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    const tasks = await h.ctx.db
      .selectFrom("tasks")
      .select(["id", "lead_org_id"])
      .where("plan_id", "=", plan)
      .where("kind", "=", "time-bound")
      .where("lead_org_id", "is not", null)
      .orderBy("ordinal")
      .execute();
    const first = tasks[0]!;
    unit = first.lead_org_id!;
    const mine = tasks.filter((t) => t.lead_org_id === unit);
    const other = tasks.find((t) => t.lead_org_id !== unit)!;
    secret = mine[0]!.id;
    open = mine[1]!.id;
    otherSecret = other.id;
    await h.ctx.db
      .updateTable("tasks")
      .set({ confidential: 1 })
      .where("id", "in", [secret, otherSecret])
      .execute();
    await h.ctx.db
      .insertInto("task_links")
      .values({
        from_task_id: open,
        to_task_id: otherSecret,
        kind: "implements",
        score: 0.9,
        reasons: "[]",
        state: "confirmed",
      })
      .execute();
    staff = await makeUser(h.ctx, "unit_staff", unit);
    head = await makeUser(h.ctx, "unit_head", unit);
    leader = await makeUser(h.ctx, "leader");
    for (const taskId of [secret, open]) {
      const change = await call(h.app, {
        method: "POST",
        url: `/api/tasks/${taskId}/change-requests`,
        headers: head.headers,
        payload: { kind: "change_output", reason: "Lý do mật", output: "Sản phẩm mới" },
      });
      expect(change.status).toBe(201);
      const report = await call(h.app, {
        method: "POST",
        url: `/api/tasks/${taskId}/reports`,
        headers: head.headers,
        payload: { state: "in_progress", summary: "Nội dung mật", progress: 10 },
      });
      expect(report.status).toBe(201);
    }
  });
  afterAll(async () => h.close());

  it("unit staff do not see change requests on confidential tasks; the unit head does", async () => {
    const seen = await call(h.app, { url: "/api/change-requests", headers: staff.headers });
    expect(seen.status).toBe(200);
    const ids = (seen.body.items ?? seen.body).map((c: { taskId: number }) => c.taskId);
    expect(ids).toContain(open);
    expect(ids).not.toContain(secret);
    const byHead = await call(h.app, { url: "/api/change-requests", headers: head.headers });
    expect((byHead.body.items ?? byHead.body).map((c: { taskId: number }) => c.taskId)).toEqual(
      expect.arrayContaining([open, secret]),
    );
  });

  it("report lists and their totals leave confidential tasks out for unit staff", async () => {
    for (const status of ["", "?status=submitted"]) {
      const seen = await call(h.app, { url: `/api/reports${status}`, headers: staff.headers });
      expect(seen.status).toBe(200);
      expect(seen.body.items.map((r: { taskId: number }) => r.taskId)).toEqual([open]);
      expect(seen.body.total).toBe(1);
      const byHead = await call(h.app, { url: `/api/reports${status}`, headers: head.headers });
      expect(byHead.body.total).toBe(2);
    }
  });

  it("a plan's task count is the reader's task list: unit staff without confidential tasks", async () => {
    const count = async (user: User) =>
      (await call(h.app, { url: "/api/plans", headers: user.headers })).body.items[0].taskCount;
    const listed = async (user: User) =>
      (await call(h.app, { url: "/api/tasks?limit=1", headers: user.headers })).body.total;
    for (const user of [staff, head, leader]) expect(await count(user)).toBe(await listed(user));
    expect(await count(head)).toBe((await count(staff)) + 1);
  });

  it("a link does not show another unit's confidential task to unit staff", async () => {
    const byStaff = await call(h.app, { url: `/api/tasks/${open}`, headers: staff.headers });
    expect(byStaff.status).toBe(200);
    expect(byStaff.body.links.map((l: { other: { id: number } }) => l.other.id)).not.toContain(
      otherSecret,
    );
    // The unit head sees confidential tasks of its own units only: not this one either.
    const byHead = await call(h.app, { url: `/api/tasks/${open}`, headers: head.headers });
    expect(byHead.body.links.map((l: { other: { id: number } }) => l.other.id)).not.toContain(
      otherSecret,
    );
    const byLeader = await call(h.app, { url: `/api/tasks/${open}`, headers: leader.headers });
    expect(byLeader.body.links.map((l: { other: { id: number } }) => l.other.id)).toContain(
      otherSecret,
    );
  });
});
