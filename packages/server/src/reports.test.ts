import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  FILES,
  importSeed,
  makeUser,
  multipart,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("reporting, verification and change requests (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let own: { taskId: number; unitId: number };
  let staff: User;
  let head: User;
  let monitor: User;
  let leader: User;
  beforeAll(async () => {
    h = await startHarness(dialect, { GIAMSAT_UPLOAD_MAX_BYTES: "4096" });
    plan = await importSeed(h.ctx, "qd596");
    own = await unitTask(h.ctx, plan);
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    head = await makeUser(h.ctx, "unit_head", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
    leader = await makeUser(h.ctx, "leader");
  });
  afterAll(async () => h.close());

  const submit = (payload: object, user = staff, taskId = own.taskId) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/reports`,
      headers: user.headers,
      payload,
    });
  const upload = (data: object, files: { name: string; content: Buffer }[]) => {
    const form = multipart(
      { data: JSON.stringify(data) },
      files.map((f) => ({ field: "files", ...f })),
    );
    return call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: { ...staff.headers, ...form.headers },
      payload: form.payload,
    });
  };
  const detail = async (asOf = "2026-06-01") =>
    (await call(h.app, { url: `/api/tasks/${own.taskId}?asOf=${asOf}`, headers: leader.headers }))
      .body;

  it("stores uploaded evidence by content hash and serves it as an attachment within scope", async () => {
    const res = await upload(
      {
        state: "in_progress",
        summary: "Đã có dự thảo",
        progress: 40,
        evidence: [
          { kind: "document", reference: "Công văn số 12/BCT-TMĐT ngày 10/3/2026" },
          { kind: "link", url: "https://moit.gov.vn/tin-tuc" },
        ],
      },
      [
        { name: "Dự thảo Đợt 1.pdf", content: FILES.pdf },
        { name: "ảnh.png", content: FILES.png },
      ],
    );
    expect(res.status).toBe(201);
    expect(res.body.evidence.map((e: { kind: string }) => e.kind).sort()).toEqual([
      "document",
      "file",
      "file",
      "link",
    ]);
    // the answer is built from what was written: the same as the report read back
    const read = await call(h.app, { url: `/api/reports/${res.body.id}`, headers: head.headers });
    expect(res.body).toEqual(read.body);
    const pdf = res.body.evidence.find(
      (e: { fileName: string }) => e.fileName === "Dự thảo Đợt 1.pdf",
    );
    const file = await h.app.inject({ url: pdf.downloadUrl, headers: head.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(FILES.pdf)).toBe(true);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toMatch(
      /^attachment; filename="Du thao Dot 1.pdf"; filename\*=UTF-8''D%E1%BB%B1/,
    );
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    const outsider = await makeUser(
      h.ctx,
      "unit_staff",
      (
        await h.ctx.db
          .insertInto("organisations")
          .values({ name: "Sở Khác", kind: "unit", search: "so khac" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
    expect(
      (await h.app.inject({ url: pdf.downloadUrl, headers: outsider.headers })).statusCode,
    ).toBe(403);
  });

  it("rejects files by type, by content (magic bytes) and by size, in Vietnamese, storing nothing", async () => {
    const before = await h.ctx.db
      .selectFrom("progress_reports")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const exe = await upload({ state: "in_progress", summary: "x" }, [
      { name: "virus.exe", content: Buffer.from("MZ....") },
    ]);
    expect(exe.status).toBe(415);
    expect(exe.body.message).toContain("loại tệp không được chấp nhận");
    const fake = await upload({ state: "in_progress", summary: "x" }, [
      { name: "bao-cao.pdf", content: FILES.png },
    ]);
    expect(fake.status).toBe(415);
    expect(fake.body.message).toContain("nội dung không đúng định dạng .pdf");
    const big = await upload({ state: "in_progress", summary: "x" }, [
      { name: "lon.pdf", content: Buffer.concat([FILES.pdf, Buffer.alloc(5000)]) },
    ]);
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/vượt quá dung lượng/);
    const after = await h.ctx.db
      .selectFrom("progress_reports")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("validates report states: completedOn required, nothing_to_report only for recurring tasks", async () => {
    const noDate = await submit({ state: "completed", summary: "Xong" });
    expect(noDate.status).toBe(400);
    expect(noDate.body.message).toContain("completedOn");
    const nothing = await submit({ state: "nothing_to_report" });
    expect(nothing.status).toBe(400);
    expect(nothing.body.message).toContain("Không phát sinh");
    const recurring = await unitTask(h.ctx, plan, "recurring");
    const unitUser = await makeUser(h.ctx, "unit_staff", recurring.unitId);
    const ok = await submit(
      { state: "nothing_to_report", period: "2026-05" },
      unitUser,
      recurring.taskId,
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      state: "nothing_to_report",
      period: "2026-05",
      summary: "Không phát sinh",
    });
    const badPeriod = await submit(
      { state: "nothing_to_report", period: "2026-Q2" },
      unitUser,
      recurring.taskId,
    );
    expect(badPeriod.status).toBe(400);
  });

  it("a returned report moves nothing; its correction, once accepted, completes the task; all audited", async () => {
    const statusBefore = (await detail()).status;
    const first = await submit({
      period: "2026-11",
      state: "completed",
      completedOn: "2026-04-10",
      summary: "Đã hoàn thành",
    });
    const noComment = await call(h.app, {
      method: "POST",
      url: `/api/reports/${first.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "return" },
    });
    expect(noComment.status).toBe(400);
    expect(noComment.body.message).toContain("comment");
    const returned = await call(h.app, {
      method: "POST",
      url: `/api/reports/${first.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "return", comment: "Thiếu văn bản ban hành" },
    });
    expect(returned.body.status).toBe("returned");
    expect((await detail()).status).toBe(statusBefore);
    expect((await detail()).completedOn).toBeNull();

    const inbox = (await call(h.app, { url: "/api/inbox?show=returned", headers: staff.headers }))
      .body;
    const back = inbox.items.find(
      (i: { returned: { id: number } | null }) => i.returned?.id === first.body.id,
    );
    expect(back.returned.comment).toBe("Thiếu văn bản ban hành");
    expect(back.task.id).toBe(own.taskId);
    expect(back.period.dueDate).toMatch(/^\d{4}-\d{2}-19$/);

    const again = await call(h.app, {
      method: "POST",
      url: `/api/reports/${first.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect(again.status).toBe(409);

    const fix = await submit({
      state: "completed",
      completedOn: "2026-04-10",
      summary: "Đã hoàn thành, kèm quyết định",
      supersedes: first.body.id,
    });
    expect(fix.body.supersedesId).toBe(first.body.id);
    const inboxAfter = (
      await call(h.app, { url: "/api/inbox?show=returned", headers: staff.headers })
    ).body;
    expect(
      inboxAfter.items.some(
        (i: { returned: { id: number } | null }) => i.returned?.id === first.body.id,
      ),
    ).toBe(false);
    const queue = (
      await call(h.app, {
        url: "/api/reports?status=submitted&limit=200",
        headers: monitor.headers,
      })
    ).body;
    const times = queue.items.map((r: { submittedAt: string }) => r.submittedAt);
    expect(times).toEqual([...times].sort());
    expect(queue.items.some((r: { id: number }) => r.id === fix.body.id)).toBe(true);

    await call(h.app, {
      method: "POST",
      url: `/api/reports/${fix.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    const done = await detail();
    expect(done.completedOn).toBe("2026-04-10");
    expect(done.status).toBe("done_on_time");
    expect((await detail("2026-04-09")).completedOn).toBe("2026-04-10");
    expect((await detail("2026-04-09")).status).not.toMatch(/^done/);

    const actions = done.audit.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["report.submit", "report.return", "report.accept"]),
    );
    const accept = done.audit.find(
      (a: { action: string; entityId: string }) =>
        a.action === "report.accept" && a.entityId === String(fix.body.id),
    );
    expect(accept.before).toMatchObject({ status: "submitted", taskCompletedOn: null });
    expect(accept.after).toMatchObject({ status: "accepted", taskCompletedOn: "2026-04-10" });
  });

  it("a leader's approval of a change request applies it and keeps the previous version", async () => {
    const target = own;
    const task = (
      await call(h.app, { url: `/api/tasks/${target.taskId}`, headers: leader.headers })
    ).body;
    const proposed = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${target.taskId}/change-requests`,
      headers: head.headers,
      payload: {
        kind: "extend_deadline",
        reason: "Chờ ý kiến thẩm định của Bộ Tư pháp",
        dueDate: "2027-03-31",
      },
    });
    expect(proposed.status).toBe(201);
    const noReason = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${target.taskId}/change-requests`,
      headers: head.headers,
      payload: { kind: "cancel" },
    });
    expect(noReason.status).toBe(400);
    const decided = await call(h.app, {
      method: "POST",
      url: `/api/change-requests/${proposed.body.id}/decision`,
      headers: leader.headers,
      payload: { decision: "approve" },
    });
    expect(decided.body.status).toBe("approved");
    const after = (
      await call(h.app, { url: `/api/tasks/${target.taskId}`, headers: leader.headers })
    ).body;
    expect(after.deadline.due).toBe("2027-03-31");
    expect(after.deadlineLabel).toBe("31/03/2027");
    expect(after.version).toBe(task.version + 1);
    expect(after.versions.map((v: { version: number }) => v.version)).toEqual([
      task.version,
      task.version + 1,
    ]);
    expect(after.versions[0].snapshot.task.due_date).toBe(task.deadline.due);
    expect(after.changeRequests[0]).toMatchObject({ status: "approved", kind: "extend_deadline" });
    const twice = await call(h.app, {
      method: "POST",
      url: `/api/change-requests/${proposed.body.id}/decision`,
      headers: leader.headers,
      payload: { decision: "reject", comment: "x" },
    });
    expect(twice.status).toBe(409);
  });

  it("confidential tasks are hidden from unit staff and administrators", async () => {
    await h.ctx.db
      .updateTable("tasks")
      .set({ confidential: 1 })
      .where("id", "=", own.taskId)
      .execute();
    try {
      expect(
        (await call(h.app, { url: `/api/tasks/${own.taskId}`, headers: staff.headers })).status,
      ).toBe(403);
      expect(
        (await call(h.app, { url: `/api/tasks/${own.taskId}`, headers: head.headers })).status,
      ).toBe(200);
      const admin = await makeUser(h.ctx, "admin");
      const list = (
        await call(h.app, { url: `/api/tasks?plan=${plan}&limit=500`, headers: admin.headers })
      ).body;
      expect(list.items.some((t: { id: number }) => t.id === own.taskId)).toBe(false);
    } finally {
      await h.ctx.db
        .updateTable("tasks")
        .set({ confidential: 0 })
        .where("id", "=", own.taskId)
        .execute();
    }
  });
});
