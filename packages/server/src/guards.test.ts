/**
 * The guards a user relies on, each on its own: report submissions the
 * rules refuse, the administrators who must remain, a locked account's token, and the scope a
 * parent unit's staff have over the units under it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { actorFor } from "./services/auth.service.js";
import { updateUserFor } from "./services/user.service.js";
import {
  call,
  freshPeriod,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("guards (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let staff: User;
  let timeBound: number;
  let recurring: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    const own = await unitTask(h.ctx, plan);
    timeBound = own.taskId;
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    const rec = await h.ctx.db
      .selectFrom("tasks")
      .innerJoin("task_orgs", "task_orgs.task_id", "tasks.id")
      .select("tasks.id")
      .where("tasks.plan_id", "=", plan)
      .where("tasks.kind", "=", "recurring")
      .where("task_orgs.org_id", "=", own.unitId)
      .executeTakeFirstOrThrow();
    recurring = rec.id;
  });
  afterAll(async () => h.close());

  const report = (taskId: number, payload: object) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/reports`,
      headers: staff.headers,
      payload: { period: freshPeriod(h), summary: "Tiến độ", ...payload },
    });

  describe("report submissions the rules refuse", () => {
    it("on a cancelled task", async () => {
      const { taskId } = await unitTask(h.ctx, plan);
      await h.ctx.db
        .updateTable("tasks")
        .set({ cancelled_at: "2026-05-01T00:00:00.000Z" })
        .where("id", "=", taskId)
        .execute();
      try {
        const res = await report(taskId, { state: "in_progress" });
        expect(res.status).toBe(409);
        expect(res.body.message).toBe("Nhiệm vụ đã bị huỷ hoặc đưa ra khỏi kế hoạch.");
      } finally {
        await h.ctx.db
          .updateTable("tasks")
          .set({ cancelled_at: null })
          .where("id", "=", taskId)
          .execute();
      }
    });

    it("“completed” on a recurring task", async () => {
      const res = await report(recurring, { state: "completed", completedOn: "2026-05-01" });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(
        /^state: nhiệm vụ thường xuyên không có trạng thái hoàn thành/,
      );
    });

    it("a completion date after today", async () => {
      const res = await report(timeBound, { state: "completed", completedOn: "2099-01-01" });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe("completedOn: ngày hoàn thành không được sau ngày hôm nay.");
    });

    it("a correction of another task's report", async () => {
      const first = await report(recurring, { state: "in_progress" });
      expect(first.status).toBe(201);
      const res = await report(timeBound, { state: "in_progress", supersedes: first.body.id });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(
        `supersedes: báo cáo ${first.body.id} không thuộc nhiệm vụ này.`,
      );
    });
  });

  describe("administrators", () => {
    const patch = (who: User, id: number, payload: object) =>
      call(h.app, { method: "PATCH", url: `/api/users/${id}`, headers: who.headers, payload });

    it("cannot lock or demote themselves", async () => {
      const admin = await makeUser(h.ctx, "admin");
      for (const payload of [{ active: false }, { role: "monitor" }]) {
        const res = await patch(admin, admin.user.id, payload);
        expect(res.status).toBe(400);
        expect(res.body.message).toBe("Không thể tự khoá hoặc bỏ quyền quản trị của chính mình.");
      }
    });

    it("keep at least one active among them, whatever the path", async () => {
      // every other administrator locked first: two are left, A and B
      const a = await makeUser(h.ctx, "admin");
      const b = await makeUser(h.ctx, "admin");
      await h.ctx.db
        .updateTable("users")
        .set({ active: 0 })
        .where("role", "=", "admin")
        .where("id", "not in", [a.user.id, b.user.id])
        .execute();
      // B's request was already under way when A locked B: it still may not lock A, the last
      const bAsItWas = await actorFor(h.ctx, b.user, "token");
      expect((await patch(a, b.user.id, { active: false })).status).toBe(200);
      await expect(updateUserFor(h.ctx, bAsItWas, a.user.id, { active: false })).rejects.toThrow(
        "Phải còn ít nhất một quản trị viên đang hoạt động",
      );
      await expect(updateUserFor(h.ctx, bAsItWas, a.user.id, { role: "leader" })).rejects.toThrow(
        "Phải còn ít nhất một quản trị viên đang hoạt động",
      );
    });
  });

  it("refuses a locked account's API token", async () => {
    const admin = await makeUser(h.ctx, "admin");
    const user = await makeUser(h.ctx, "leader");
    expect((await call(h.app, { url: "/api/auth/me", headers: user.headers })).status).toBe(200);
    const locked = await call(h.app, {
      method: "PATCH",
      url: `/api/users/${user.user.id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(locked.status).toBe(200);
    expect((await call(h.app, { url: "/api/auth/me", headers: user.headers })).status).toBe(401);
  });

  it("lets a parent unit's staff see the tasks of the units under it, and not a sibling's", async () => {
    const child = await h.ctx.db
      .selectFrom("tasks")
      .innerJoin("organisations as o", "o.id", "tasks.lead_org_id")
      .select(["tasks.id as taskId", "o.id as unitId", "o.parent_id as parentId"])
      .where("tasks.plan_id", "=", plan)
      .where("o.parent_id", "is not", null)
      .where("tasks.confidential", "=", 0)
      .executeTakeFirstOrThrow();
    const parentStaff = await makeUser(h.ctx, "unit_staff", child.parentId);
    const seen = await call(h.app, {
      url: `/api/tasks/${child.taskId}`,
      headers: parentStaff.headers,
    });
    expect(seen.status).toBe(200);
    const sibling = await h.ctx.db
      .selectFrom("organisations")
      .select("id")
      .where("parent_id", "=", child.parentId)
      .where("id", "not in", (eb) =>
        eb.selectFrom("task_orgs").select("org_id").where("task_id", "=", child.taskId),
      )
      .executeTakeFirstOrThrow();
    const siblingStaff = await makeUser(h.ctx, "unit_staff", sibling.id);
    const res = await call(h.app, {
      url: `/api/tasks/${child.taskId}`,
      headers: siblingStaff.headers,
    });
    expect(res.status).toBe(403);
  });
});
