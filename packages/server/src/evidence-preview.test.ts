import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../db/src/test-support/index.js";
import { contentSecurityPolicy } from "./http/security.js";
import { PREVIEW_CSP } from "./routes/evidence/evidence.routes.js";
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

/**
 * Evidence PDFs and images previewed inside the review page while the app keeps
 * its strict CSP — the file is served inline as its own sandboxed document that only this site
 * may frame; the download stays an attachment that nobody may frame.
 */
describe.each(dialects())("evidence preview (%s)", (dialect) => {
  let h: Harness;
  let staff: User;
  let monitor: User;
  let outsider: User;
  let files: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    const own = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
    const other = await buildOrganisation(h.ctx.db, { name: "Sở Ngoài Phạm Vi" });
    outsider = await makeUser(h.ctx, "unit_staff", other.id);
    const form = multipart({ data: JSON.stringify({ state: "in_progress", summary: "Dự thảo" }) }, [
      { field: "files", name: "du-thao.pdf", content: FILES.pdf },
      { field: "files", name: "anh.png", content: FILES.png },
      { field: "files", name: "bang.xlsx", content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) },
    ]);
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: { ...staff.headers, ...form.headers },
      payload: form.payload,
    });
    expect(sent.status).toBe(201);
    files = Object.fromEntries(
      sent.body.evidence.map((e: { fileName: string; id: number }) => [e.fileName, String(e.id)]),
    );
  });
  afterAll(async () => h.close());

  const get = (url: string, user: User) => h.app.inject({ url, headers: user.headers });

  it("serves a PDF and an image inline, sandboxed, framable by this site only", async () => {
    for (const [name, type] of [
      ["du-thao.pdf", "application/pdf"],
      ["anh.png", "image/png"],
    ]) {
      const res = await get(`/api/evidence/${files[name!]}/preview`, monitor);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe(type);
      expect(res.headers["content-disposition"]).toMatch(/^inline; filename=/);
      expect(res.headers["content-security-policy"]).toBe(PREVIEW_CSP);
      expect(PREVIEW_CSP).toMatch(/^sandbox;.*default-src 'none'.*frame-ancestors 'self'/);
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
    const download = await get(`/api/evidence/${files["du-thao.pdf"]}`, monitor);
    expect(download.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(download.headers["content-security-policy"]).toBe(contentSecurityPolicy);
    expect(download.headers["x-frame-options"]).toBe("DENY");
    // the pages themselves keep the app's policy
    const page = await get("/api/auth/me", monitor);
    expect(page.headers["content-security-policy"]).toBe(contentSecurityPolicy);
  });

  it("refuses to preview other file types, and files outside the user's scope", async () => {
    const sheet = await get(`/api/evidence/${files["bang.xlsx"]}/preview`, monitor);
    expect(sheet.statusCode).toBe(400);
    expect(sheet.json().message).toContain("không xem trước được");
    expect((await get(`/api/evidence/${files["du-thao.pdf"]}/preview`, outsider)).statusCode).toBe(
      403,
    );
    expect((await get(`/api/evidence/${files["du-thao.pdf"]}/preview`, staff)).statusCode).toBe(
      200,
    );
  });
});
