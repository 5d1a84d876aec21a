/**
 * Every kind of amendment a leader can approve, through the API: the task changes, its previous
 * state is kept as a version, and the units' view follows (a reassigned task moves to its new
 * unit; a cancelled one leaves the lists). Extensions are in reports.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, buildTask, dialects } from "../../db/src/test-support/index.js";
import { call, makeUser, startHarness, type Harness } from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("approving change requests (%s)", (dialect) => {
  let h: Harness;
  let leader: User;
  let unitA: number;
  let unitB: number;
  let headA: User;
  let headB: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    leader = await makeUser(h.ctx, "leader");
    unitA = (await buildOrganisation(h.ctx.db, { name: "Cục Thử nghiệm A" })).id;
    unitB = (await buildOrganisation(h.ctx.db, { name: "Cục Thử nghiệm B" })).id;
    headA = await makeUser(h.ctx, "unit_head", unitA);
    headB = await makeUser(h.ctx, "unit_head", unitB);
  });
  afterAll(async () => h.close());

  /** A task led by unit A; its change request proposed by A's head and approved. */
  async function approved(payload: Record<string, unknown>) {
    const task = await buildTask(h.ctx.db, { lead_org_id: unitA, output: "Báo cáo đánh giá" });
    await h.ctx.db
      .insertInto("task_orgs")
      .values({
        task_id: task.id,
        role: "lead",
        ordinal: 0,
        org_id: unitA,
        raw: "Cục Thử nghiệm A",
        name: "Cục Thử nghiệm A",
        kind: "unit",
        scope: null,
        resolved: 1,
      })
      .execute();
    const proposed = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${task.id}/change-requests`,
      headers: headA.headers,
      payload: { reason: "Theo chỉ đạo của Bộ", ...payload },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const decided = await call(h.app, {
      method: "POST",
      url: `/api/change-requests/${proposed.body.id}/decision`,
      headers: leader.headers,
      payload: { decision: "approve" },
    });
    expect(decided.body.status).toBe("approved");
    const detail = await call(h.app, {
      url: `/api/tasks/${task.id}?asOf=2026-06-01`,
      headers: leader.headers,
    });
    return { task, crId: proposed.body.id as number, after: detail.body };
  }

  it("reassigns the lead unit: the task moves from A's lists to B's", async () => {
    const { task, crId, after } = await approved({ kind: "reassign", leadOrgIds: [unitB] });
    expect(after.lead.map((l: { orgId: number }) => l.orgId)).toEqual([unitB]);
    expect(after.version).toBe(2);
    expect(after.versions[0].snapshot.task.lead_org_id).toBe(unitA);
    expect(after.versions[1].snapshot.task.lead_org_id).toBe(unitB);
    expect(
      (await call(h.app, { url: `/api/tasks/${task.id}`, headers: headA.headers })).status,
    ).toBe(403);
    expect(
      (await call(h.app, { url: `/api/tasks/${task.id}`, headers: headB.headers })).status,
    ).toBe(200);
    // the request follows the task: B sees it now, A no longer does
    const listed = async (user: User) =>
      (await call(h.app, { url: "/api/change-requests", headers: user.headers })).body.items.map(
        (c: { id: number }) => c.id,
      );
    expect(await listed(headB)).toContain(crId);
    expect(await listed(headA)).not.toContain(crId);
  });

  it("changes the output, keeping the former one in the previous version", async () => {
    const { after } = await approved({ kind: "change_output", output: "Đề án trình Chính phủ" });
    expect(after.output).toBe("Đề án trình Chính phủ");
    expect(
      after.versions.map((v: { snapshot: { task: { output: string } } }) => v.snapshot.task.output),
    ).toEqual(["Báo cáo đánh giá", "Đề án trình Chính phủ"]);
  });

  it("cancels the task: out of the lists, its page says when, no more proposals", async () => {
    const { task, after } = await approved({ kind: "cancel" });
    expect(after.cancelledAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const list = await call(h.app, { url: "/api/tasks?limit=500", headers: leader.headers });
    expect(list.body.items.map((t: { id: number }) => t.id)).not.toContain(task.id);
    const again = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${task.id}/change-requests`,
      headers: headA.headers,
      payload: { kind: "change_output", reason: "x", output: "y" },
    });
    expect(again.status).toBe(409);
  });

  it("refuses a reassignment to a unit that does not exist, writing nothing", async () => {
    const task = await buildTask(h.ctx.db, { lead_org_id: unitA });
    await h.ctx.db
      .insertInto("task_orgs")
      .values({
        task_id: task.id,
        role: "lead",
        ordinal: 0,
        org_id: unitA,
        raw: "A",
        name: "A",
        kind: "unit",
        scope: null,
        resolved: 1,
      })
      .execute();
    const refused = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${task.id}/change-requests`,
      headers: headA.headers,
      payload: { kind: "reassign", reason: "x", leadOrgIds: [unitB, 999_999] },
    });
    expect([refused.status, refused.body.code]).toEqual([400, "validation"]);
    const stored = await h.ctx.db
      .selectFrom("change_requests")
      .select("id")
      .where("task_id", "=", task.id)
      .execute();
    expect(stored).toEqual([]);
  });
});
