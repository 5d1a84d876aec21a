/**
 * The monitoring department corrects a task after import, with a reason; each
 * correction is a version (author, time, reason, each changed field before and after) and an
 * audit event; status, lists and confidentiality follow the corrected values; no one else may.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("correcting a task after import (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let monitor: User;
  let leader: User;
  let staff: User;
  let head: User;
  let task: { taskId: number; unitId: number };
  let otherUnit: number;

  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    task = await unitTask(h.ctx, plan);
    otherUnit = (await buildOrganisation(h.ctx.db, { name: "Cục Hiệu chỉnh Thử nghiệm" })).id;
    monitor = await makeUser(h.ctx, "monitor");
    leader = await makeUser(h.ctx, "leader");
    staff = await makeUser(h.ctx, "unit_staff", task.unitId);
    head = await makeUser(h.ctx, "unit_head", task.unitId);
  });
  afterAll(async () => h.close());

  const correct = (user: User, taskId: number, payload: Record<string, unknown>) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/corrections`,
      headers: user.headers,
      payload,
    });
  const detail = async (user: User, taskId: number, asOf: string) =>
    call(h.app, { url: `/api/tasks/${taskId}?asOf=${asOf}`, headers: user.headers });
  const overdueIds = async (user: User, asOf: string) =>
    (
      await call(h.app, {
        url: `/api/tasks?plan=${plan}&status=overdue&asOf=${asOf}&limit=500`,
        headers: user.headers,
      })
    ).body.items.map((t: { id: number }) => t.id) as number[];

  it("a new deadline, name and output: one version with each field before/after; status and lists follow", async () => {
    const before = (await detail(monitor, task.taskId, "2026-06-01")).body;
    expect(before.deadline.due).toBeTruthy();
    // a day after the imported deadline: overdue as imported
    const late = new Date(Date.parse(`${before.deadline.due}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect((await detail(monitor, task.taskId, late)).body.status).toBe("overdue");
    expect(await overdueIds(monitor, late)).toContain(task.taskId);

    const res = await correct(monitor, task.taskId, {
      reason: "Văn bản gốc ghi thời hạn quý IV/2027; nhập nhầm",
      dueDate: "2027-12-31",
      name: `${before.name} (Quỳnh Lưu)`,
      output: "Báo cáo tổng kết được Bộ trưởng phê duyệt",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changes.map((c: { field: string }) => c.field)).toEqual([
      "name",
      "deadline",
      "output",
    ]);
    const deadline = res.body.changes.find((c: { field: string }) => c.field === "deadline");
    expect(deadline).toMatchObject({ label: "Thời hạn", after: "31/12/2027" });
    expect(deadline.before).toBe(before.deadlineLabel);

    const after = (await detail(monitor, task.taskId, late)).body;
    expect(after.status).not.toBe("overdue");
    expect(after.deadline.due).toBe("2027-12-31");
    expect(after.name).toBe(`${before.name} (Quỳnh Lưu)`);
    expect(after.output).toBe("Báo cáo tổng kết được Bộ trưởng phê duyệt");
    expect(await overdueIds(monitor, late)).not.toContain(task.taskId);
    // the list's search reads the corrected name
    const found = await call(h.app, {
      url: `/api/tasks?plan=${plan}&q=${encodeURIComponent("quynh luu")}`,
      headers: monitor.headers,
    });
    expect(found.body.items.map((t: { id: number }) => t.id)).toEqual([task.taskId]);

    const version = after.versions.at(-1);
    expect(version).toMatchObject({
      version: res.body.version,
      reason: "Hiệu chỉnh: Văn bản gốc ghi thời hạn quý IV/2027; nhập nhầm",
      authorName: monitor.user.displayName,
      changes: res.body.changes,
    });
    expect(version.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const audit = after.audit.find((a: { action: string }) => a.action === "task.correct");
    expect(audit).toMatchObject({
      actorName: monitor.user.displayName,
      before: { deadline: deadline.before },
      after: { deadline: "31/12/2027", output: "Báo cáo tổng kết được Bộ trưởng phê duyệt" },
    });
    // the unit sees the corrected task and its history too
    const seen = (await detail(staff, task.taskId, late)).body;
    expect(seen.versions.at(-1).changes).toEqual(res.body.changes);
  });

  it("lead and coordinating units: the task moves to the new lead unit's lists", async () => {
    const { taskId } = await unitTask(h.ctx, plan, "recurring");
    const res = await correct(monitor, taskId, {
      reason: "Đơn vị chủ trì theo Quyết định sửa đổi",
      leadOrgIds: [otherUnit],
      coordinatorOrgIds: [task.unitId],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changes.map((c: { field: string }) => c.field)).toEqual([
      "lead",
      "coordinators",
    ]);
    expect(res.body.changes[0].after).toBe("Cục Hiệu chỉnh Thử nghiệm");
    const after = (await detail(monitor, taskId, "2026-06-01")).body;
    expect(after.lead.map((o: { orgId: number }) => o.orgId)).toEqual([otherUnit]);
    expect(after.coordinators.map((o: { orgId: number }) => o.orgId)).toEqual([task.unitId]);
    const otherHead = await makeUser(h.ctx, "unit_head", otherUnit);
    expect((await detail(otherHead, taskId, "2026-06-01")).status).toBe(200);
    const lists = await call(h.app, {
      url: `/api/tasks?plan=${plan}&lead=${otherUnit}`,
      headers: monitor.headers,
    });
    expect(lists.body.items.map((t: { id: number }) => t.id)).toEqual([taskId]);
  });

  it("marking a task confidential hides it from unit staff, not from the unit head; and back", async () => {
    const { taskId } = await unitTask(h.ctx, plan);
    const marked = await correct(monitor, taskId, {
      reason: "Nội dung thuộc danh mục bí mật nhà nước",
      confidential: true,
    });
    expect(marked.status).toBe(200);
    expect(marked.body.changes).toEqual([
      { field: "confidential", label: "Mức độ mật", before: "Không mật", after: "Mật" },
    ]);
    expect((await detail(staff, taskId, "2026-06-01")).status).toBe(403);
    expect((await detail(head, taskId, "2026-06-01")).body.confidential).toBe(true);
    const staffList = await call(h.app, { url: `/api/tasks?plan=${plan}`, headers: staff.headers });
    expect(staffList.body.items.map((t: { id: number }) => t.id)).not.toContain(taskId);
    const unmarked = await correct(monitor, taskId, { reason: "Đã giải mật", confidential: false });
    expect(unmarked.status).toBe(200);
    expect((await detail(staff, taskId, "2026-06-01")).status).toBe(200);
  });

  it("only the monitoring department may correct; refusals and bad input write nothing", async () => {
    const { taskId } = await unitTask(h.ctx, plan);
    const version = async () => (await detail(monitor, taskId, "2026-06-01")).body.version;
    const v0 = await version();
    for (const user of [staff, head, leader, await makeUser(h.ctx, "admin")]) {
      expect((await correct(user, taskId, { reason: "Thử", output: "X" })).status).toBe(403);
    }
    const bad = [
      [{ output: "Không có lý do" }, /reason/],
      [{ reason: "  ", output: "X" }, /lý do/],
      [{ reason: "Không đổi gì" }, /Không có trường nào/],
      [{ reason: "Tên trống", name: " " }, /Tên nhiệm vụ/],
      [{ reason: "Ngày sai", dueDate: "31/02/2027" }, /dueDate/],
      [
        { reason: "Trùng", leadOrgIds: [task.unitId], coordinatorOrgIds: [task.unitId] },
        /vừa chủ trì vừa phối hợp/,
      ],
      [{ reason: "Không tồn tại", leadOrgIds: [987654] }, /không có trong danh mục/],
    ] as const;
    for (const [payload, message] of bad) {
      const res = await correct(monitor, taskId, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    const recurring = await unitTask(h.ctx, plan, "recurring");
    const res = await correct(monitor, recurring.taskId, { reason: "Hạn", dueDate: "2027-01-01" });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/thường xuyên/);
    expect(await version()).toBe(v0);
    expect((await correct(monitor, 99_999_999, { reason: "Không có", output: "X" })).status).toBe(
      404,
    );
  });
});
