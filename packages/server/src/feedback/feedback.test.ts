import { fold } from "@giamsat/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../../db/src/test-support/index.js";
import { solvedChallenge } from "../test-support/altcha.js";
import {
  call,
  FILES,
  importSeed,
  makeUser,
  multipart,
  startHarness,
  unitTask,
  type Harness,
} from "../test-support/server-harness.js";

const EMAIL = "zzq.nguoigui@example.vn";
const PHONE = "0912345678";
const NAME = "Nguyễn Văn Zzq";
const NOTE = "ZZQ-GHI-CHÚ-NỘI-BỘ";

describe.each(dialects())("public feedback (%s)", (dialect) => {
  let h: Harness;
  let ip = 0;

  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  const solved = () => solvedChallenge(h.app);

  const form = (extra: Record<string, unknown> = {}) => ({
    kind: "phan_anh",
    title: `Cổng dịch vụ công chậm ${Math.random()}`,
    content: "Trang nộp hồ sơ trực tuyến thường xuyên không truy cập được.",
    name: NAME,
    organisation: "Công ty ZZQ",
    email: EMAIL,
    phone: PHONE,
    consent: true,
    publishName: false,
    ...extra,
  });

  const submit = async (payload: Record<string, unknown>, from = `10.0.0.${++ip}`) =>
    call(h.app, {
      method: "POST",
      url: "/api/public/feedback",
      payload,
      remoteAddress: from,
    });

  it("refuses a missing, wrong or reused proof of work with 400", async () => {
    expect((await submit(form({ altcha: "bm9wZQ==" }))).status).toBe(400);
    const payload = await solved();
    const forged = JSON.parse(Buffer.from(payload, "base64").toString());
    forged.number += 1;
    const bad = await submit(
      form({ altcha: Buffer.from(JSON.stringify(forged)).toString("base64") }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("altcha");
    expect((await submit(form({ altcha: payload }))).status).toBe(201);
    expect((await submit(form({ altcha: payload }))).status).toBe(400);
  });

  it("refuses identical content (diacritics, case, spacing aside) with the earlier code", async () => {
    const first = await submit(
      form({ title: "Đường  Láng ngập", content: "Ngập nặng!", altcha: await solved() }),
    );
    expect(first.status).toBe(201);
    const again = await submit(
      form({ title: "duong lang NGAP", content: "ngap nang", altcha: await solved() }),
    );
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(first.body.code);
  });

  it("answers the 11th submission from one address within a minute with 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await submit(form({ altcha: await solved() }), "10.9.9.9")).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await submit(form({ altcha: await solved() }), "10.9.9.10")).status).toBe(201);
  });

  it("takes attachments checked like evidence, shown to handlers only", async () => {
    const unit = await buildOrganisation(h.ctx.db, { name: "Sở Thử tệp đính kèm" });
    const monitor = await makeUser(h.ctx, "monitor");
    const staff = await makeUser(h.ctx, "unit_staff", unit.id);
    const sendWith = async (title: string, files: { name: string; content: Buffer }[]) => {
      const fields = { ...form({ title }), consent: "true", publishName: "false" };
      const body = multipart(
        { ...(fields as Record<string, string>), altcha: await solved() },
        files.map((f) => ({ field: "files", ...f })),
      );
      return call(h.app, {
        method: "POST",
        url: "/api/public/feedback",
        remoteAddress: `10.2.0.${++ip}`,
        ...body,
      });
    };
    const renamed = await sendWith("Tệp đổi đuôi ZZQ", [
      { name: "anh.pdf", content: Buffer.from("không phải PDF") },
    ]);
    expect(renamed.status).toBe(415);
    expect(renamed.body.message).toContain("anh.pdf");
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `t${i}.pdf`, content: FILES.pdf }));
    expect((await sendWith("Bốn tệp ZZQ", four)).status).toBe(400);
    const none = await h.ctx.db
      .selectFrom("feedback")
      .select("id")
      .where("title", "in", ["Tệp đổi đuôi ZZQ", "Bốn tệp ZZQ"])
      .execute();
    expect(none).toEqual([]);

    const sent = await sendWith("Ảnh chụp lỗi cổng ZZQ", [
      { name: "loi-cong-zzq.pdf", content: FILES.pdf },
      { name: "man-hinh-zzq.png", content: FILES.png },
    ]);
    expect(sent.status).toBe(201);
    const pub = await call(h.app, { method: "GET", url: `/api/public/feedback/${sent.body.code}` });
    expect(pub.res.body).not.toContain("zzq.pdf");
    const queue = await call(h.app, {
      method: "GET",
      url: "/api/feedback",
      headers: monitor.headers,
    });
    const item = queue.body.find((f: { code: string }) => f.code === sent.body.code);
    expect(item.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      "loi-cong-zzq.pdf",
      "man-hinh-zzq.png",
    ]);
    const url = `/api/feedback/${item.id}/files/${item.attachments[0].id}`;
    const file = await call(h.app, { method: "GET", url, headers: monitor.headers });
    expect(file.status).toBe(200);
    expect(file.res.rawPayload.equals(FILES.pdf)).toBe(true);
    expect((await call(h.app, { method: "GET", url, headers: staff.headers })).status).toBe(404);
    await call(h.app, {
      method: "POST",
      url: `/api/feedback/${item.id}/route`,
      headers: monitor.headers,
      payload: { unitId: unit.id },
    });
    expect((await call(h.app, { method: "GET", url, headers: staff.headers })).status).toBe(200);
    const other = `/api/feedback/${item.id}/files/${item.attachments[0].id + 100000}`;
    expect(
      (await call(h.app, { method: "GET", url: other, headers: monitor.headers })).status,
    ).toBe(404);
  });

  it("keeps fields whose unit is proposed, and answers a merged duplicate once", async () => {
    const admin = await makeUser(h.ctx, "admin");
    const monitor = await makeUser(h.ctx, "monitor");
    const unit = await buildOrganisation(h.ctx.db, { name: "Sở Thử lĩnh vực" });
    const post = (url: string, who: { headers: Record<string, string> }, payload: object) =>
      call(h.app, { method: "POST", url, headers: who.headers, payload });
    expect((await post("/api/feedback-fields", monitor, { name: "Giao thông" })).status).toBe(403);
    const field = await post("/api/feedback-fields", admin, {
      name: "Giao thông",
      unitId: unit.id,
    });
    expect(field.status).toBe(201);
    expect((await post("/api/feedback-fields", admin, { name: "Giao thông" })).status).toBe(409);
    const old = await post("/api/feedback-fields", admin, { name: "Lĩnh vực cũ" });
    await call(h.app, {
      method: "PATCH",
      url: `/api/feedback-fields/${old.body.id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    const offered = await call(h.app, { method: "GET", url: "/api/public/feedback-fields" });
    expect(offered.body.map((f: { name: string }) => f.name)).toContain("Giao thông");
    expect(offered.body.map((f: { name: string }) => f.name)).not.toContain("Lĩnh vực cũ");
    expect((await submit(form({ fieldId: old.body.id, altcha: await solved() }))).status).toBe(400);

    const first = await submit(form({ fieldId: field.body.id, altcha: await solved() }));
    const second = await submit(form({ altcha: await solved() }));
    const items = (
      await call(h.app, { method: "GET", url: "/api/feedback", headers: monitor.headers })
    ).body as { id: number; code: string; suggestedUnitId: number | null; field: string }[];
    const a = items.find((f) => f.code === first.body.code)!;
    const b = items.find((f) => f.code === second.body.code)!;
    expect(a).toMatchObject({ suggestedUnitId: unit.id, field: "Giao thông" });

    expect((await post(`/api/feedback/${b.id}/merge`, monitor, { into: b.code })).status).toBe(400);
    const merged = await post(`/api/feedback/${b.id}/merge`, monitor, { into: a.code });
    expect(merged.body).toMatchObject({ status: "merged", mergedInto: a.code });
    expect((await post(`/api/feedback/${a.id}/merge`, monitor, { into: b.code })).status).toBe(400);
    await post(`/api/feedback/${a.id}/route`, monitor, { unitId: unit.id });
    const staff = await makeUser(h.ctx, "unit_staff", unit.id);
    await post(`/api/feedback/${a.id}/answer`, staff, { answer: "Trả lời chung ZZQ." });
    await post(`/api/feedback/${a.id}/decision`, monitor, { approve: true });
    const view = await call(h.app, { method: "GET", url: `/api/public/feedback/${b.code}` });
    expect(view.body).toMatchObject({
      status: "merged",
      mergedInto: a.code,
      answer: "Trả lời chung ZZQ.",
      unit: "Sở Thử lĩnh vực",
    });
    for (const hidden of [EMAIL, PHONE, NAME]) expect(view.res.body).not.toContain(hidden);
  });

  it("routes, answers, approves; the public never sees contact, hidden name or notes", async () => {
    const plan = await importSeed(h.ctx, "qd596");
    const task = await unitTask(h.ctx, plan);
    const monitor = await makeUser(h.ctx, "monitor");
    const unitId = task.unitId;
    const staff = await makeUser(h.ctx, "unit_staff", unitId);
    const leaf = await h.ctx.db
      .selectFrom("organisations as o")
      .select("o.id")
      .where("o.id", "!=", unitId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("organisations as c").select("c.id").whereRef("c.parent_id", "=", "o.id"),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const other = await makeUser(h.ctx, "unit_staff", leaf.id);
    // the form's task search: published plans only, diacritics optional, never a confidential task
    const { name } = await h.ctx.db
      .selectFrom("tasks")
      .select("name")
      .where("id", "=", task.taskId)
      .executeTakeFirstOrThrow();
    const words = fold(name).split(" ").slice(0, 4).join(" ");
    const found = async () =>
      (
        await call(h.app, {
          method: "GET",
          url: `/api/public/feedback-tasks?q=${encodeURIComponent(words)}`,
        })
      ).body.map((t: { id: number }) => t.id);
    expect(await found()).not.toContain(task.taskId);
    // nor is it taken by its id from a form while its plan is not published (the search's rule)
    const unpublished = await submit(form({ taskId: task.taskId, altcha: await solved() }));
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.message).toBe("Không tìm thấy nhiệm vụ đã chọn.");
    await h.ctx.db
      .updateTable("plans")
      .set({ published_at: new Date().toISOString() })
      .where("id", "=", plan)
      .execute();
    expect(await found()).toContain(task.taskId);
    await h.ctx.db
      .updateTable("tasks")
      .set({ confidential: 1 })
      .where("id", "=", task.taskId)
      .execute();
    expect(await found()).not.toContain(task.taskId);
    await h.ctx.db
      .updateTable("tasks")
      .set({ confidential: 0 })
      .where("id", "=", task.taskId)
      .execute();
    const sent = await submit(form({ taskId: task.taskId, altcha: await solved() }));
    expect(sent.status).toBe(201);
    const { code, secret } = sent.body;
    const queue = await call(h.app, {
      method: "GET",
      url: "/api/feedback",
      headers: monitor.headers,
    });
    const listed = queue.body.find((f: { code: string }) => f.code === code);
    const id = listed.id;
    expect(listed).toMatchObject({ senderEmail: EMAIL, suggestedUnitId: unitId, overdue: false });
    expect(listed.task).toMatchObject({ id: task.taskId });
    const ids = async (query: string) =>
      (
        await call(h.app, {
          method: "GET",
          url: `/api/feedback?${query}`,
          headers: monitor.headers,
        })
      ).body.map((f: { id: number }) => f.id);
    expect(await ids("status=received&kind=phan_anh")).toContain(id);
    expect(await ids("status=routed")).not.toContain(id);
    expect(await ids("kind=kien_nghi")).not.toContain(id);

    const post = (url: string, who: { headers: Record<string, string> }, payload: unknown) =>
      call(h.app, { method: "POST", url, headers: who.headers, payload: payload as object });
    expect((await post(`/api/feedback/${id}/route`, staff, { unitId })).status).toBe(403);
    const routed = await post(`/api/feedback/${id}/route`, monitor, { unitId, note: NOTE });
    expect(routed.status).toBe(200);
    expect(routed.body.deadline > new Date().toISOString().slice(0, 10)).toBe(true);
    expect((await post(`/api/feedback/${id}/answer`, other, { answer: "x" })).status).toBe(404);
    const get = (who: { headers: Record<string, string> }) =>
      call(h.app, { method: "GET", url: `/api/feedback/${id}`, headers: who.headers });
    expect((await get(other)).status).toBe(404);
    expect((await get(staff)).body).toMatchObject({ code, status: "routed", internalNote: NOTE });
    expect(await ids("overdue=true")).not.toContain(id);
    await h.ctx.db
      .updateTable("feedback")
      .set({ deadline: "2020-01-02" })
      .where("id", "=", id)
      .execute();
    expect(await ids("overdue=true")).toContain(id);
    expect((await get(monitor)).body.overdue).toBe(true);
    expect((await post(`/api/feedback/${id}/answer`, staff, { answer: "Nháp." })).status).toBe(200);
    const back = await post(`/api/feedback/${id}/decision`, monitor, {
      approve: false,
      reason: "Cần nêu thời hạn khắc phục.",
    });
    expect(back.body).toMatchObject({
      status: "routed",
      internalNote: "Cần nêu thời hạn khắc phục.",
    });
    expect(
      (await post(`/api/feedback/${id}/answer`, staff, { answer: "Đã khắc phục." })).status,
    ).toBe(200);
    let view = await call(h.app, { method: "GET", url: `/api/public/feedback/${code}` });
    expect(view.body.answer).toBeNull();
    expect((await post(`/api/feedback/${id}/decision`, monitor, { approve: true })).status).toBe(
      200,
    );
    view = await call(h.app, { method: "GET", url: `/api/public/feedback/${code}` });
    expect(view.body).toMatchObject({
      status: "published",
      answer: "Đã khắc phục.",
      senderName: null,
    });
    const rate = (s: string) =>
      call(h.app, {
        method: "POST",
        url: `/api/public/feedback/${code}/rating`,
        payload: { secret: s, rating: 5, comment: "Cảm ơn" },
      });
    expect((await rate("doan-bua")).status).toBe(403);
    const rated = await rate(secret);
    expect(rated.status).toBe(200);
    for (const body of [view.res.body, rated.res.body]) {
      for (const hidden of [EMAIL, PHONE, NAME, NOTE, secret]) expect(body).not.toContain(hidden);
    }
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity", "=", "feedback")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "feedback.routed",
      "feedback.answered",
      "feedback.routed",
      "feedback.answered",
      "feedback.published",
    ]);
  });
});
