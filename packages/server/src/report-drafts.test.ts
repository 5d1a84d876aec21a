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

/** Drafts kept on the server; a correction keeps the returned report's files. */
describe.each(dialects())("report drafts and resubmission (%s)", (dialect) => {
  let h: Harness;
  let own: { taskId: number; unitId: number };
  let staff: User;
  let colleague: User;
  let monitor: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    own = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    colleague = await makeUser(h.ctx, "unit_staff", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const draftUrl = () => `/api/tasks/${own.taskId}/report-draft`;

  it("keeps a user's draft on the server, for that user only, until the report is sent", async () => {
    const saved = await call(h.app, {
      method: "PUT",
      url: draftUrl(),
      headers: staff.headers,
      payload: { period: "2026-09", state: "in_progress", summary: "Đã họp với Vụ Pháp chế" },
    });
    expect(saved.status).toBe(200);
    const read = await call(h.app, { url: draftUrl(), headers: staff.headers });
    expect(read.body.draft.data).toMatchObject({ summary: "Đã họp với Vụ Pháp chế" });
    expect(read.body.draft.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(
      (await call(h.app, { url: draftUrl(), headers: colleague.headers })).body.draft,
    ).toBeNull();
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: staff.headers,
      payload: { period: "2026-09", state: "in_progress", summary: "Đã họp với Vụ Pháp chế" },
    });
    expect(sent.status).toBe(201);
    expect((await call(h.app, { url: draftUrl(), headers: staff.headers })).body.draft).toBeNull();
  });

  it("a correction of a returned report keeps the files chosen from it, and only those", async () => {
    const form = multipart(
      { data: JSON.stringify({ period: "2026-08", state: "in_progress", summary: "Dự thảo" }) },
      [{ field: "files", name: "du-thao.pdf", content: FILES.pdf }],
    );
    const first = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: { ...staff.headers, ...form.headers },
      payload: form.payload,
    });
    expect(first.status).toBe(201);
    await call(h.app, {
      method: "POST",
      url: `/api/reports/${first.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "return", comment: "Thiếu biên bản họp" },
    });
    const file = first.body.evidence[0];
    const wrong = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: staff.headers,
      payload: {
        state: "in_progress",
        summary: "Bổ sung",
        supersedes: first.body.id,
        keepEvidence: [file.id + 10_000],
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain(`không thuộc báo cáo số ${first.body.id}`);
    const fix = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: staff.headers,
      payload: {
        state: "in_progress",
        summary: "Bổ sung biên bản",
        supersedes: first.body.id,
        keepEvidence: [file.id],
        evidence: [{ kind: "document", reference: "Biên bản họp ngày 05/8/2026" }],
      },
    });
    expect(fix.status).toBe(201);
    expect(fix.body.period).toBe("2026-08");
    const kept = fix.body.evidence.find((e: { kind: string }) => e.kind === "file");
    expect(kept).toMatchObject({ fileName: "du-thao.pdf", mime: "application/pdf" });
    expect(kept.id).not.toBe(file.id);
    const download = await h.app.inject({ url: kept.downloadUrl, headers: staff.headers });
    expect(download.rawPayload.equals(FILES.pdf)).toBe(true);
  });
});
