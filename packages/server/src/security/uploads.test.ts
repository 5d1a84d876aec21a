/**
 * Issue 10, finding 4 (partly) and the Low item on file modes: role and scope are checked before
 * any part of an upload is read (report evidence and plan imports), the whole request is capped,
 * evidence files are stored 0600 in 0700 folders, and temporary files left by a killed process
 * are removed at start.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { loadConfig } from "../config.js";
import { openRuntime } from "../runtime.js";
import {
  call,
  FILES,
  importSeed,
  makeUser,
  multipart,
  startHarness,
  type Harness,
} from "../test-support/server-harness.js";

describe.each(dialects())("uploads (%s)", (dialect) => {
  let h: Harness;
  let taskId: number;
  let staff: Awaited<ReturnType<typeof makeUser>>;
  let stranger: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect, { GIAMSAT_UPLOAD_MAX_BYTES: "4096" });
    const plan = await importSeed(h.ctx, "qd596");
    const tasks = await h.ctx.db
      .selectFrom("tasks")
      .select(["id", "lead_org_id"])
      .where("plan_id", "=", plan)
      .where("kind", "=", "time-bound")
      .where("lead_org_id", "is not", null)
      .orderBy("ordinal")
      .execute();
    taskId = tasks[0]!.id;
    const other = tasks.find((t) => t.lead_org_id !== tasks[0]!.lead_org_id)!;
    staff = await makeUser(h.ctx, "unit_staff", tasks[0]!.lead_org_id);
    stranger = await makeUser(h.ctx, "unit_staff", other.lead_org_id);
  });
  afterAll(async () => h.close());

  const post = (user: typeof staff, headers: Record<string, string>, payload: Buffer | string) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${taskId}/reports`,
      headers: { ...user.headers, ...headers },
      payload,
    });

  it("another unit's upload is refused before its parts are read", async () => {
    // A body the parser would reject (cut short): a 403, not a 400, shows nothing was read.
    const res = await post(
      stranger,
      { "content-type": "multipart/form-data; boundary=abc" },
      '--abc\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF-1.4',
    );
    expect(res.status).toBe(403);
  });

  it("caps the whole request, whatever the size of each file", async () => {
    const pdf = Buffer.concat([FILES.pdf, Buffer.alloc(4000 - FILES.pdf.length, 32)]);
    const form = multipart(
      { data: JSON.stringify({ state: "in_progress", summary: "Nhiều tệp", progress: 5 }) },
      Array.from({ length: 20 }, (_, i) => i).map((i) => ({
        field: "files",
        name: `bien-ban-${i}.pdf`,
        content: pdf,
      })),
    );
    const res = await post(staff, form.headers, form.payload);
    expect(res.status).toBe(413);
  });

  it("stores evidence files 0600 in 0700 folders", async () => {
    const form = multipart(
      {
        data: JSON.stringify({
          period: "2026-02",
          state: "in_progress",
          summary: "Có biên bản",
          progress: 5,
        }),
      },
      [{ field: "files", name: "bien-ban.pdf", content: FILES.pdf }],
    );
    const res = await post(staff, form.headers, form.payload);
    expect(res.status).toBe(201);
    const row = await h.ctx.db
      .selectFrom("evidence")
      .select("storage_path")
      .where("kind", "=", "file")
      .executeTakeFirstOrThrow();
    const file = path.join(h.dataDir, row.storage_path!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(h.dataDir, "evidence")).mode & 0o777).toBe(0o700);
  });

  const preview = (user: typeof staff, headers: Record<string, string>, payload: Buffer | string) =>
    call(h.app, {
      method: "POST",
      url: "/api/imports/preview",
      headers: { ...user.headers, ...headers },
      payload,
    });

  it("refuses a plan upload by a role that may not import before its parts are read", async () => {
    const res = await preview(
      staff,
      { "content-type": "multipart/form-data; boundary=abc" },
      '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\nPK',
    );
    expect(res.status).toBe(403);
  });

  it("caps the whole plan upload request", async () => {
    const monitor = await makeUser(h.ctx, "monitor");
    const form = multipart(
      {},
      Array.from({ length: 20 }, (_, i) => ({
        field: "file",
        name: `ke-hoach-${i}.txt`,
        content: Buffer.alloc(4000, 65),
      })),
    );
    const res = await preview(monitor, form.headers, form.payload);
    expect(res.status).toBe(413);
  });
});

describe("temporary evidence files", () => {
  it("left by a killed process are removed at start, stored files kept", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-tmp-"));
    try {
      const folder = path.join(dataDir, "evidence", "ab");
      mkdirSync(folder, { recursive: true });
      const stale = path.join(folder, "ab12.4242.1700000000000.tmp");
      const stored = path.join(folder, "ab12");
      writeFileSync(stale, "cut short");
      writeFileSync(stored, "kept");
      const runtime = await openRuntime(loadConfig({ GIAMSAT_DATA_DIR: dataDir }));
      await runtime.close();
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(stored)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
