/**
 * The import page's progress bar: a scan sent with a progress key reports its pages as they are
 * recognised; only the user who sent it can read them; a malformed key is refused.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { CHROMIUM, printHtml } from "../../../core/src/import/fixtures/pdf.print.js";
import {
  call,
  makeUser,
  previewUpload,
  startHarness,
  type Harness,
} from "../test-support/server-harness.js";

const tools =
  existsSync(CHROMIUM) && existsSync("/usr/bin/tesseract") && existsSync("/usr/bin/pngtopam");
const PAGE = `<html><head><meta charset="utf-8"><style>td,th{border:1.5px solid #000;padding:4px}
table{border-collapse:collapse} body{font:14pt serif}</style></head><body>
<p>Số: 9/KH-UBND</p><p>KẾ HOẠCH</p><p>PHỤ LỤC</p>
<table><tr><th>STT</th><th>Tên nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời hạn</th></tr>
<tr><td>1.</td><td>Ban hành quy chế dữ liệu</td><td>Sở Nội vụ</td><td>30/6/2026</td></tr></table></body></html>`;

describe.skipIf(!tools).each(dialects())("import progress (%s)", (dialect) => {
  let h: Harness;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  let other: Awaited<ReturnType<typeof makeUser>>;
  const dir = mkdtempSync(path.join(tmpdir(), "giamsat-progress-"));
  beforeAll(async () => {
    h = await startHarness(dialect);
    monitor = await makeUser(h.ctx, "monitor");
    other = await makeUser(h.ctx, "monitor");
    writeFileSync(path.join(dir, "page.pdf"), printHtml(PAGE));
    execFileSync("pdftoppm", ["-r", "200", "-png", "-singlefile", "page.pdf", "page"], {
      cwd: dir,
    });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const key = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  const progress = (k: string, headers: Record<string, string>) =>
    call(h.app, { url: `/api/imports/progress/${k}`, headers });

  it("reports the pages recognised to the user who sent the scan, and to nobody else", async () => {
    const shown = await previewUpload(
      h.app,
      monitor.headers,
      { name: "anh-chup.png", content: readFileSync(path.join(dir, "page.png")) },
      { progress: key },
    );
    expect(shown.status).toBe(200);
    expect(shown.body.result.appendices[0].tasks[0].name).toBe("Ban hành quy chế dữ liệu");
    expect((await progress(key, monitor.headers)).body).toEqual({ done: 1, total: 1 });
    expect((await progress(key, other.headers)).body).toBeNull();
  }, 120_000);

  it("refuses a malformed key", async () => {
    expect((await progress("not-a-key!", monitor.headers)).status).toBe(400);
    const refused = await previewUpload(
      h.app,
      monitor.headers,
      { name: "a.txt", content: Buffer.from("PHỤ LỤC\n") },
      { progress: "../x" },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^progress: /);
  });
});
