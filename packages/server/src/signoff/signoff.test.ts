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

/** A unit's staff reports wait for the unit head when the unit asks for it. */
describe.each(dialects())("unit-head sign-off (%s)", (dialect) => {
  let h: Harness;
  let taskId: number;
  let otherTaskId: number;
  let unitId: number;
  let staff: User;
  let head: User;
  let otherHead: User;
  let monitor: User;
  let admin: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    // two time-bound tasks led by the same unit, and another unit's head
    const rows = await h.ctx.db
      .selectFrom("tasks")
      .select(["id", "lead_org_id"])
      .where("plan_id", "=", plan)
      .where("kind", "=", "time-bound")
      .where("lead_org_id", "is not", null)
      .orderBy("ordinal")
      .execute();
    const first = rows[0]!;
    unitId = first.lead_org_id!;
    const same = rows.filter((r) => r.lead_org_id === unitId);
    expect(same.length).toBeGreaterThan(1);
    [taskId, otherTaskId] = [same[0]!.id, same[1]!.id];
    const elsewhere = rows.find((r) => r.lead_org_id !== unitId)!.lead_org_id!;
    staff = await makeUser(h.ctx, "unit_staff", unitId);
    head = await makeUser(h.ctx, "unit_head", unitId);
    otherHead = await makeUser(h.ctx, "unit_head", elsewhere);
    monitor = await makeUser(h.ctx, "monitor");
    admin = await makeUser(h.ctx, "admin");
  });
  afterAll(async () => h.close());

  const submit = (user: User, payload: object, task = taskId) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${task}/reports`,
      headers: user.headers,
      payload: { state: "in_progress", summary: "Đang triển khai", ...payload },
    });
  const signoff = (user: User, id: number, payload: object) =>
    call(h.app, {
      method: "POST",
      url: `/api/reports/${id}/signoff`,
      headers: user.headers,
      payload,
    });
  const setting = (user: User, on: boolean) =>
    call(h.app, {
      method: "PUT",
      url: `/api/organisations/${unitId}/signoff`,
      headers: user.headers,
      payload: { signoffRequired: on },
    });
  const ids = async (user: User, status: string) =>
    (
      await call(h.app, { url: `/api/reports?status=${status}&limit=200`, headers: user.headers })
    ).body.items.map((r: { id: number }) => r.id);
  const notices = async (user: User) =>
    (await call(h.app, { url: "/api/notifications", headers: user.headers })).body.items as {
      kind: string;
      title: string;
      body: string;
      link: string;
    }[];
  const audit = async (action: string, id: number) =>
    h.ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", action)
      .where("entity_id", "=", String(id))
      .execute();

  it("is off by default: a staff report goes straight to the review queue", async () => {
    const orgs = await call(h.app, {
      url: `/api/organisations?id=${unitId}`,
      headers: admin.headers,
    });
    expect(orgs.body.items[0]).toMatchObject({ id: unitId, signoffRequired: false });
    const sent = await submit(staff, { period: "2026-01" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: "submitted", signedOff: null });
    expect(await ids(monitor, "submitted")).toContain(sent.body.id);
  });

  it("is switched on by an administrator only, audited", async () => {
    expect((await setting(head, true)).status).toBe(403);
    expect((await setting(monitor, true)).status).toBe(403);
    const on = await setting(admin, true);
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ id: unitId, signoffRequired: true });
    const orgs = await call(h.app, {
      url: `/api/organisations?id=${unitId}`,
      headers: admin.headers,
    });
    expect(orgs.body.items[0].signoffRequired).toBe(true);
    const [event] = await audit("organisation.signoff", unitId);
    expect(event).toMatchObject({ actor_id: admin.user.id });
    expect(JSON.parse(String(event!.after))).toEqual({ signoffRequired: true });
  });

  it("holds a staff report for the head: out of the queue, live for the period, head told", async () => {
    const sent = await submit(staff, { period: "2026-02" });
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe("awaiting_signoff");
    expect(await ids(monitor, "submitted")).not.toContain(sent.body.id);
    expect(await ids(head, "awaiting_signoff")).toContain(sent.body.id);
    expect(await ids(otherHead, "awaiting_signoff")).not.toContain(sent.body.id);

    const told = (await notices(head)).find((n) => n.kind === "signoff_requested");
    expect(told).toMatchObject({ link: "/ky-duyet" });
    expect(told!.title).toMatch(/^Báo cáo chờ ký duyệt \(Tháng 2\/2026\)/);

    // integrity: no second live report for the same task and period while it waits
    const again = await submit(staff, { period: "2026-02", summary: "Gửi lần nữa" });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(`báo cáo số ${sent.body.id}`);
    expect(again.body.message).toContain("chờ lãnh đạo đơn vị ký duyệt");
    const byHead = await submit(head, { period: "2026-02", summary: "Lãnh đạo gửi" });
    expect(byHead.status).toBe(409);
    // and the database holds it too
    const row = await h.ctx.db
      .selectFrom("progress_reports")
      .selectAll()
      .where("id", "=", sent.body.id)
      .executeTakeFirstOrThrow();
    const { id: _id, client_token: _t, ...copy } = row;
    await expect(
      h.ctx.db
        .insertInto("progress_reports")
        .values({ ...copy, status: "submitted" })
        .execute(),
    ).rejects.toThrow();
  });

  it("lets only a head of the report's unit sign off", async () => {
    const sent = await submit(staff, { period: "2026-03" });
    expect(sent.body.status).toBe("awaiting_signoff");
    expect((await signoff(staff, sent.body.id, { decision: "approve" })).status).toBe(403);
    expect((await signoff(monitor, sent.body.id, { decision: "approve" })).status).toBe(403);
    const other = await signoff(otherHead, sent.body.id, { decision: "approve" });
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/^Chỉ lãnh đạo của .+ mới ký duyệt/);
    // a monitor cannot review it before the head signed off
    const early = await call(h.app, {
      method: "POST",
      url: `/api/reports/${sent.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect(early.status).toBe(409);
  });

  it("approve: the report enters the review queue with its submission time kept", async () => {
    const sent = await submit(staff, { period: "2026-04" });
    const approved = await signoff(head, sent.body.id, { decision: "approve" });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: "submitted",
      submittedAt: sent.body.submittedAt,
      signedOff: { by: { id: head.user.id } },
    });
    expect(await ids(monitor, "submitted")).toContain(sent.body.id);
    expect(await ids(head, "awaiting_signoff")).not.toContain(sent.body.id);
    expect((await signoff(head, sent.body.id, { decision: "approve" })).status).toBe(409);
    expect(await audit("report.signoff_approve", sent.body.id)).toHaveLength(1);
    const accepted = await call(h.app, {
      method: "POST",
      url: `/api/reports/${sent.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe("accepted");
  });

  it("return: needs a reason; the staff is told and resubmits a correction that waits again", async () => {
    const sent = await submit(staff, { period: "2026-05" });
    const bare = await signoff(head, sent.body.id, { decision: "return" });
    expect(bare.status).toBe(400);
    expect(bare.body.message).toContain("Nhập lý do khi trả lại báo cáo cho cán bộ");
    const back = await signoff(head, sent.body.id, {
      decision: "return",
      reason: "Bổ sung số liệu quý",
    });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe("returned");
    expect(back.body.reviews.at(-1)).toMatchObject({
      decision: "return",
      comment: "Bổ sung số liệu quý",
      reviewerId: head.user.id,
    });
    const [event] = await audit("report.signoff_return", sent.body.id);
    expect(event).toMatchObject({ actor_id: head.user.id, reason: "Bổ sung số liệu quý" });
    const told = (await notices(staff)).find((n) => n.title.startsWith("Lãnh đạo đơn vị trả lại"));
    expect(told).toMatchObject({ kind: "report_returned", link: `/nhiem-vu/${taskId}/bao-cao` });
    expect(told!.body).toContain("Lý do: Bổ sung số liệu quý");
    expect(await ids(monitor, "submitted")).not.toContain(sent.body.id);

    const fixed = await submit(staff, { supersedes: sent.body.id, summary: "Đã bổ sung số liệu" });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({ status: "awaiting_signoff", period: "2026-05" });
  });

  it("sends a unit head's own report straight to the review", async () => {
    const sent = await submit(head, { period: "2026-06" }, otherTaskId);
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe("submitted");
    expect(await ids(monitor, "submitted")).toContain(sent.body.id);
  });

  it("once switched off, staff reports go straight to the review again", async () => {
    expect((await setting(admin, false)).status).toBe(200);
    const sent = await submit(staff, { period: "2026-07" }, otherTaskId);
    expect(sent.body.status).toBe("submitted");
  });
});
