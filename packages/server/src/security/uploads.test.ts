/**
 * Uploads and file modes: role and scope are checked before any part
 * of an upload is read (report evidence, plan imports, the indicator values sheet), parts stream
 * to temporary files checked as they come, the whole request is capped (also when chunked), a
 * refused request — or one whose transaction fails after its files were stored — leaves no
 * file, evidence files are stored 0600 in 0700 folders, and temporary files left by a killed
 * process are removed at start. The streaming cases run over real HTTP.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { loadConfig } from "../config.js";
import { openRuntime } from "../runtime.js";
import { releaseEvidence, storeEvidenceFile } from "../services/evidence.store.js";
import { sendInPieces } from "../test-support/http-stream.js";
import { refuseEvidenceRows } from "../test-support/refuse-evidence.js";
import {
  call,
  FILES,
  importSeed,
  makeUser,
  multipart,
  receivedFile,
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
    await h.app.listen({ port: 0, host: "127.0.0.1" });
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

  const reportsUrl = () => {
    const { port } = h.app.server.address() as { port: number };
    return `http://127.0.0.1:${port}/api/tasks/${taskId}/reports`;
  };
  /** The opening of a multipart form: the report's data field, then the head of file `name`. */
  const formStart = (boundary: string, name: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n` +
        JSON.stringify({ state: "in_progress", summary: "Minh chứng", progress: 5 }) +
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n\r\n`,
    );
  const filePart = (boundary: string, name: string, content: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n\r\n`,
      ),
      content,
    ]);
  const formHeaders = (user: typeof staff, boundary: string) => ({
    ...user.headers,
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
  /** Files under `<dataDir>/folder` (temporary uploads, stored evidence). */
  const filesIn = (folder: string) =>
    existsSync(path.join(h.dataDir, folder))
      ? readdirSync(path.join(h.dataDir, folder), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
      : [];
  const evidenceRows = async () =>
    (await h.ctx.db.selectFrom("evidence").select("id").execute()).length;

  it("refuses another unit's upload while it is still being sent (nothing buffered first)", async () => {
    // the body never ends: only an answer given before reading it lets this finish
    const pdfPiece = Buffer.concat([FILES.pdf, Buffer.alloc(1000, 32)]);
    const answer = await sendInPieces(
      reportsUrl(),
      formHeaders(stranger, "b403"),
      [formStart("b403", "bien-ban.pdf"), pdfPiece, Buffer.alloc(1000, 32)],
      { end: false },
    );
    expect(answer.status).toBe(403);
    expect(answer.finished).toBe(false);
    expect(filesIn("tmp")).toEqual([]);
  });

  it("stops a file over the size limit as it streams, without waiting for its end", async () => {
    const pieces = [formStart("bbig", "lon.pdf"), FILES.pdf];
    for (let i = 0; i < 40; i++) pieces.push(Buffer.alloc(1000, 32));
    const answer = await sendInPieces(reportsUrl(), formHeaders(staff, "bbig"), pieces, {
      end: false,
    });
    expect(answer.status).toBe(413);
    expect(answer.body.message).toContain('Tệp "lon.pdf" vượt quá dung lượng cho phép (4 KB)');
    expect(answer.finished).toBe(false);
    expect(filesIn("tmp")).toEqual([]);
  });

  it("caps a chunked request (no Content-Length) by counting its parts as they arrive", async () => {
    // 20 files of 4,000 B: each within the 4,096 B limit, together over the 76 KB cap
    const pdf = Buffer.concat([FILES.pdf, Buffer.alloc(4000 - FILES.pdf.length, 32)]);
    const pieces = [formStart("bsum", "bb-0.pdf"), pdf];
    for (let i = 1; i < 20; i++) pieces.push(filePart("bsum", `bb-${i}.pdf`, pdf));
    pieces.push(Buffer.from("\r\n--bsum--\r\n"));
    const before = { files: filesIn("evidence"), rows: await evidenceRows() };
    const answer = await sendInPieces(reportsUrl(), formHeaders(staff, "bsum"), pieces);
    expect(answer.status).toBe(413);
    expect(answer.body.message).toBe(
      "Tổng dung lượng gửi lên vượt quá dung lượng cho phép (76 KB).",
    );
    expect(filesIn("tmp")).toEqual([]);
    expect({ files: filesIn("evidence"), rows: await evidenceRows() }).toEqual(before);
  });

  it("a valid PDF followed by a refused file leaves no file behind", async () => {
    const pieces = [
      formStart("bref", "bien-ban.pdf"),
      Buffer.concat([FILES.pdf, Buffer.alloc(2000, 32)]),
      filePart("bref", "anh.png", Buffer.from("GIF89a not a png")),
      Buffer.from("\r\n--bref--\r\n"),
    ];
    const before = { files: filesIn("evidence"), rows: await evidenceRows() };
    const answer = await sendInPieces(reportsUrl(), formHeaders(staff, "bref"), pieces);
    expect(answer.status).toBe(415);
    expect(answer.body.message).toContain('Tệp "anh.png": nội dung không đúng định dạng .png');
    expect(filesIn("tmp")).toEqual([]);
    expect({ files: filesIn("evidence"), rows: await evidenceRows() }).toEqual(before);
  });

  it("a report whose transaction fails after its files were stored leaves nothing behind", async () => {
    // the database refuses the report's evidence rows (a trigger installed for this test), so
    // the transaction fails after the upload's files were moved into the evidence store
    const pdf = Buffer.concat([FILES.pdf, Buffer.from(`giao dịch hỏng ${dialect}`)]);
    const form = () =>
      multipart({ data: JSON.stringify({ state: "in_progress", summary: "Có biên bản" }) }, [
        { field: "files", name: "bien-ban.pdf", content: pdf },
      ]);
    const reports = async () =>
      (await h.ctx.db.selectFrom("progress_reports").select("id").execute()).length;
    const before = {
      files: filesIn("evidence"),
      rows: await evidenceRows(),
      reports: await reports(),
    };
    const allow = await refuseEvidenceRows(h.ctx.db, dialect);
    try {
      const attempt = form();
      const failed = await post(staff, attempt.headers, attempt.payload);
      expect(failed.status).toBe(500);
      // the database's own message stays in the log
      expect(JSON.stringify(failed.body)).not.toContain("refused for the test");
    } finally {
      await allow();
    }
    expect(filesIn("tmp")).toEqual([]);
    expect({
      files: filesIn("evidence"),
      rows: await evidenceRows(),
      reports: await reports(),
    }).toEqual(before);
    // the same form goes through once the database takes it, its file stored once
    const again = form();
    const sent = await post(staff, again.headers, again.payload);
    expect(sent.status).toBe(201);
    expect(filesIn("evidence").length).toBe(before.files.length + 1);
  });

  it("a report that is not saved takes the files it stored with it, never another server's", async () => {
    const received = (name: string, content: Buffer) => receivedFile(h.dataDir, name, content);
    const pdf = Buffer.concat([FILES.pdf, Buffer.from(`chưa lưu ${dialect}`)]);
    const stored = (file: { storagePath: string }) =>
      existsSync(path.join(h.dataDir, file.storagePath));
    const holds = async () =>
      (await h.ctx.db.selectFrom("evidence_holds").select("storage_path").execute()).length;
    const alone = await storeEvidenceFile(h.ctx, received("a.pdf", pdf), "application/pdf");
    expect(alone.created).toBe(true);
    await releaseEvidence(h.ctx, [alone], false);
    expect(stored(alone)).toBe(false);
    // the same file stored by two requests at once, the second through another load of the
    // module (another server: nothing shared in memory): the failing one leaves it to the other
    vi.resetModules();
    const otherServer = await import("../services/evidence.store.js");
    const first = await storeEvidenceFile(h.ctx, received("b.pdf", pdf), "application/pdf");
    const second = await otherServer.storeEvidenceFile(
      h.ctx,
      received("c.pdf", pdf),
      "application/pdf",
    );
    expect([first.created, second.created]).toEqual([true, false]);
    await releaseEvidence(h.ctx, [first], false);
    expect(stored(first)).toBe(true);
    await otherServer.releaseEvidence(h.ctx, [second], true);
    expect(stored(second)).toBe(true);
    expect(await holds()).toBe(0);
    // a hold left by a server that stopped keeps a file only until it expires, and the next
    // hold on the file forgets it
    const lone = Buffer.concat([FILES.pdf, Buffer.from(`bỏ dở ${dialect}`)]);
    const creator = await storeEvidenceFile(h.ctx, received("d.pdf", lone), "application/pdf");
    const stopped = await otherServer.storeEvidenceFile(
      h.ctx,
      received("e.pdf", lone),
      "application/pdf",
    );
    await h.ctx.db
      .updateTable("evidence_holds")
      .set({ until_ms: Date.now() - 1 })
      .where("id", "=", stopped.holdId)
      .execute();
    await releaseEvidence(h.ctx, [creator], false);
    expect(stored(creator)).toBe(false);
    expect(await holds()).toBe(1);
    const later = await storeEvidenceFile(h.ctx, received("f.pdf", lone), "application/pdf");
    expect(await holds()).toBe(1);
    await releaseEvidence(h.ctx, [later], true);
    expect(stored(later)).toBe(true);
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

  it("refuses a values sheet upload by a role other than the monitoring department before reading it", async () => {
    const res = await call(h.app, {
      method: "POST",
      url: "/api/indicator-values/import",
      headers: { ...staff.headers, "content-type": "multipart/form-data; boundary=abc" },
      payload: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
    });
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

describe("temporary files", () => {
  it("left by a killed process (uploads, evidence being stored) are removed at start, stored files kept", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "giamsat-tmp-"));
    try {
      const folder = path.join(dataDir, "evidence", "ab");
      mkdirSync(folder, { recursive: true });
      const stale = path.join(folder, "ab12.4242.1700000000000.tmp");
      const stored = path.join(folder, "ab12");
      writeFileSync(stale, "cut short");
      writeFileSync(stored, "kept");
      mkdirSync(path.join(dataDir, "tmp"));
      const upload = path.join(dataDir, "tmp", "upload-0123456789abcdef.tmp");
      writeFileSync(upload, "%PDF-1.4 received until kill -9");
      const runtime = await openRuntime(loadConfig({ GIAMSAT_DATA_DIR: dataDir }));
      await runtime.close();
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(upload)).toBe(false);
      expect(existsSync(stored)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
