import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "../test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

/**
 * Beyond reports: a staff member's change request waits for the unit head too,
 * and the head signs several waiting items off at once (each its own decision, all or none).
 */
describe.each(dialects())("change-request and bulk sign-off (%s)", (dialect) => {
  let h: Harness;
  let taskId: number;
  let unitId: number;
  let staff: User;
  let head: User;
  let otherHead: User;
  let leader: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    ({ taskId, unitId } = await unitTask(h.ctx, await importSeed(h.ctx, "qd596")));
    const elsewhere = (await buildOrganisation(h.ctx.db, { name: "Cục Ký duyệt Khác" })).id;
    staff = await makeUser(h.ctx, "unit_staff", unitId);
    head = await makeUser(h.ctx, "unit_head", unitId);
    otherHead = await makeUser(h.ctx, "unit_head", elsewhere);
    leader = await makeUser(h.ctx, "leader");
    const admin = await makeUser(h.ctx, "admin");
    const on = await call(h.app, {
      method: "PUT",
      url: `/api/organisations/${unitId}/signoff`,
      headers: admin.headers,
      payload: { signoffRequired: true },
    });
    expect(on.status).toBe(200);
  });
  afterAll(async () => h.close());

  const propose = (user: User, dueDate = "2027-06-30") =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/change-requests`,
      headers: user.headers,
      payload: { kind: "extend_deadline", dueDate, reason: "Chờ ý kiến thẩm định của Bộ Tư pháp" },
    });
  const signoff = (user: User, id: number, payload: object) =>
    call(h.app, {
      method: "POST",
      url: `/api/change-requests/${id}/signoff`,
      headers: user.headers,
      payload,
    });
  const listed = async (user: User, status: string) =>
    (
      await call(h.app, { url: `/api/change-requests?status=${status}`, headers: user.headers })
    ).body.items.map((c: { id: number }) => c.id);
  const decide = (id: number) =>
    call(h.app, {
      method: "POST",
      url: `/api/change-requests/${id}/decision`,
      headers: leader.headers,
      payload: { decision: "approve" },
    });
  const audit = async (action: string, id: number) =>
    h.ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", action)
      .where("entity_id", "=", String(id))
      .execute();
  const report = async (period: string) => {
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/reports`,
      headers: staff.headers,
      payload: { state: "in_progress", summary: "Đang triển khai", period },
    });
    expect(sent.body.status).toBe("awaiting_signoff");
    return sent.body.id as number;
  };

  it("holds a staff change request for the head: not the leader's yet, head told", async () => {
    const sent = await propose(staff);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: "awaiting_signoff", orgId: unitId });
    expect(await listed(leader, "proposed")).not.toContain(sent.body.id);
    expect(await listed(head, "awaiting_signoff")).toContain(sent.body.id);
    expect(await listed(otherHead, "awaiting_signoff")).not.toContain(sent.body.id);
    const early = await decide(sent.body.id);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain("đang chờ lãnh đạo đơn vị ký duyệt");
    const notices = (await call(h.app, { url: "/api/notifications", headers: head.headers })).body
      .items as { kind: string; title: string; link: string }[];
    const told = notices.find((n) => n.title.startsWith("Đề xuất điều chỉnh chờ ký duyệt"));
    expect(told).toMatchObject({ kind: "signoff_requested", link: "/ky-duyet" });
    expect(told!.title).toContain("(gia hạn)");
  });

  it("lets only a head of the proposing unit sign it off", async () => {
    const sent = await propose(staff, "2027-07-31");
    expect((await signoff(staff, sent.body.id, { decision: "approve" })).status).toBe(403);
    expect((await signoff(leader, sent.body.id, { decision: "approve" })).status).toBe(403);
    const other = await signoff(otherHead, sent.body.id, { decision: "approve" });
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/^Chỉ lãnh đạo của .+ mới ký duyệt được đề xuất/);
  });

  it("approve: on to the leader, who decides it; audited", async () => {
    const sent = await propose(staff, "2027-08-31");
    const ok = await signoff(head, sent.body.id, { decision: "approve" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "proposed", signedOffBy: head.user.id });
    expect((await signoff(head, sent.body.id, { decision: "approve" })).status).toBe(409);
    expect(await audit("change_request.signoff_approve", sent.body.id)).toHaveLength(1);
    expect(await listed(leader, "proposed")).toContain(sent.body.id);
    const decided = await decide(sent.body.id);
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe("approved");
  });

  it("return: needs a reason; the author is told and the leader never sees it", async () => {
    const sent = await propose(staff, "2027-09-30");
    const bare = await signoff(head, sent.body.id, { decision: "return" });
    expect(bare.status).toBe(400);
    expect(bare.body.message).toContain("Nhập lý do khi trả lại");
    const back = await signoff(head, sent.body.id, {
      decision: "return",
      reason: "Nêu rõ văn bản xin ý kiến",
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      status: "returned",
      decidedBy: head.user.id,
      decisionComment: "Nêu rõ văn bản xin ý kiến",
    });
    const [event] = await audit("change_request.signoff_return", sent.body.id);
    expect(event).toMatchObject({ actor_id: head.user.id, reason: "Nêu rõ văn bản xin ý kiến" });
    const notices = (await call(h.app, { url: "/api/notifications", headers: staff.headers })).body
      .items as { kind: string; title: string; body: string }[];
    const told = notices.find((n) => n.title.startsWith("Lãnh đạo đơn vị trả lại đề xuất"));
    expect(told).toMatchObject({ kind: "change_decided" });
    expect(told!.body).toContain("Lý do: Nêu rõ văn bản xin ý kiến");
    expect((await decide(sent.body.id)).status).toBe(409);
  });

  it("sends a unit head's own change request straight to the leader", async () => {
    const sent = await propose(head, "2027-10-31");
    expect(sent.body.status).toBe("proposed");
  });

  it("signs several reports and change requests off together, each audited on its own", async () => {
    const reports = [await report("2026-02"), await report("2026-03")];
    const change = (await propose(staff, "2027-11-30")).body.id as number;
    const bulk = (user: User, payload: object) =>
      call(h.app, {
        method: "POST",
        url: "/api/signoff/approve",
        headers: user.headers,
        payload,
      });
    expect((await bulk(staff, { reportIds: reports })).status).toBe(403);
    expect((await bulk(head, {})).status).toBe(400);
    // one item the head may not sign (another unit's head) refuses the whole batch, named
    const foreign = await bulk(otherHead, { reportIds: reports, changeRequestIds: [change] });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain(`báo cáo số ${reports[0]}`);
    // an item already decided: nothing of the batch is signed off, the message names it
    const done = (await propose(staff, "2027-12-31")).body.id as number;
    expect((await signoff(head, done, { decision: "approve" })).status).toBe(200);
    const stale = await bulk(head, { reportIds: reports, changeRequestIds: [change, done] });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain(`Đề xuất điều chỉnh số ${done}`);
    expect(await audit("report.signoff_approve", reports[0]!)).toHaveLength(0);

    const ok = await bulk(head, { reportIds: reports, changeRequestIds: [change] });
    expect(ok.status).toBe(200);
    expect(ok.body.reports.map((r: { status: string }) => r.status)).toEqual([
      "submitted",
      "submitted",
    ]);
    expect(ok.body.changeRequests[0]).toMatchObject({ id: change, status: "proposed" });
    for (const id of reports) expect(await audit("report.signoff_approve", id)).toHaveLength(1);
    expect(await audit("change_request.signoff_approve", change)).toHaveLength(1);
  });
});
