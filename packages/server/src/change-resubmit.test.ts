/**
 * A change request the unit head returned, or the leader did not approve, is sent again by its
 * unit as a new request that names it (once); the list of change requests comes in pages.
 */
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

describe.each(dialects())("sending a change request again (%s)", (dialect) => {
  let h: Harness;
  let taskId: number;
  let unit: number;
  let staff: User;
  let head: User;
  let coordinator: User;
  let leader: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    const task = await leadAndCoordinatorTask(h.ctx, plan);
    taskId = task.taskId;
    unit = task.leadId;
    staff = await makeUser(h.ctx, "unit_staff", unit);
    head = await makeUser(h.ctx, "unit_head", unit);
    coordinator = await makeUser(h.ctx, "unit_staff", task.coordinatorId);
    leader = await makeUser(h.ctx, "leader");
  });
  afterAll(async () => h.close());

  const propose = (user: User, payload: object) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/change-requests`,
      headers: user.headers,
      payload: {
        kind: "extend_deadline",
        dueDate: "2027-06-30",
        reason: "Chờ thẩm định",
        ...payload,
      },
    });
  const reject = (id: number) =>
    call(h.app, {
      method: "POST",
      url: `/api/change-requests/${id}/decision`,
      headers: leader.headers,
      payload: { decision: "reject", comment: "Nêu rõ văn bản xin ý kiến thẩm định" },
    });

  it("sends a rejected request again, once, as a new request naming it; audited", async () => {
    const first = await propose(staff, {});
    expect(first.status).toBe(201);
    expect(first.body.resubmits).toBeNull();
    expect((await reject(first.body.id)).body.status).toBe("rejected");

    const again = await propose(staff, {
      dueDate: "2027-09-30",
      reason: "Chờ thẩm định theo Công văn số 12/BTP",
      resubmits: first.body.id,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({
      status: "proposed",
      resubmits: first.body.id,
      payload: { dueDate: "2027-09-30" },
    });
    const previous = await call(h.app, {
      url: `/api/change-requests?task=${taskId}`,
      headers: staff.headers,
    });
    expect(previous.body.items.find((c: { id: number }) => c.id === first.body.id)).toMatchObject({
      status: "rejected",
      decisionComment: "Nêu rõ văn bản xin ý kiến thẩm định",
    });
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select("after")
      .where("action", "=", "change_request.propose")
      .where("entity_id", "=", String(again.body.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after))).toMatchObject({ resubmits: first.body.id });

    const twice = await propose(staff, { resubmits: first.body.id });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe(
      `Đề xuất số ${first.body.id} đã được gửi lại (đề xuất số ${again.body.id}).`,
    );
  });

  it("refuses another unit (403), a pending request (409) and another task's (404)", async () => {
    const first = await propose(staff, {});
    const pending = await propose(staff, { resubmits: first.body.id });
    expect(pending.status).toBe(409);
    expect(pending.body.message).toContain("chưa bị trả lại hay không được chấp thuận");
    await reject(first.body.id);
    const other = await propose(coordinator, { resubmits: first.body.id });
    expect(other.status).toBe(403);
    expect(other.body.message).toBe(`Đề xuất số ${first.body.id} là của đơn vị khác.`);
    // another task the same unit leads: the unit may propose on it, not resubmit this request
    const sibling = await h.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("lead_org_id", "=", unit)
      .where("id", "!=", taskId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const elsewhere = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${sibling.id}/change-requests`,
      headers: staff.headers,
      payload: { kind: "cancel", reason: "Trùng nhiệm vụ", resubmits: first.body.id },
    });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.message).toBe(
      `Nhiệm vụ không có đề xuất điều chỉnh số ${first.body.id} để gửi lại.`,
    );
  });

  it("sends again what the unit head returned", async () => {
    const admin = await makeUser(h.ctx, "admin");
    const on = await call(h.app, {
      method: "PUT",
      url: `/api/organisations/${unit}/signoff`,
      headers: admin.headers,
      payload: { signoffRequired: true },
    });
    expect(on.status).toBe(200);
    const first = await propose(staff, { kind: "change_output", output: "Bộ tiêu chí" });
    expect(first.body.status).toBe("awaiting_signoff");
    const back = await call(h.app, {
      method: "POST",
      url: `/api/change-requests/${first.body.id}/signoff`,
      headers: head.headers,
      payload: { decision: "return", reason: "Ghi rõ sản phẩm" },
    });
    expect(back.body.status).toBe("returned");
    const again = await propose(staff, {
      kind: "change_output",
      output: "Bộ tiêu chí đánh giá mức độ chuyển đổi số",
      resubmits: first.body.id,
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: "awaiting_signoff", resubmits: first.body.id });
  });

  it("lists change requests a page at a time, with the total", async () => {
    const all = await call(h.app, { url: "/api/change-requests", headers: leader.headers });
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.total).toBe(5);
    const page = await call(h.app, {
      url: "/api/change-requests?limit=2&offset=2",
      headers: leader.headers,
    });
    expect(page.body.total).toBe(5);
    expect(page.body.items.map((c: { id: number }) => c.id)).toEqual(
      all.body.items.slice(2, 4).map((c: { id: number }) => c.id),
    );
  });
});
