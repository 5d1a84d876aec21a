/**
 * Scanned PDFs: a small plan printed to PDF by Chromium, rendered to page images by pdftoppm and
 * wrapped as a PDF of images (no text layer, as a scanner makes it), imports through Tesseract to
 * the same tasks as the printed PDF; so does the project's example plan (Roman groups whose lone
 * numerals Tesseract drops or misreads, rows cut at page breaks, a table over four pages). Without
 * Tesseract the import stops with a Vietnamese message.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { importDocumentFile, readTextBlocks, type ImportResult } from "@giamsat/core";
import { CHROMIUM, printHtml, printPlan } from "../../../core/src/import/fixtures/pdf.print.js";
import { scanOcr } from "./ocr.runner.js";

const dir = mkdtempSync(path.join(tmpdir(), "giamsat-scan-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = `<html><head><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 15mm } body { font: 13pt serif }
table { border-collapse: collapse } td, th { border: 1.5px solid #000; padding: 4px 6px; vertical-align: top }
</style></head><body>
<p>ỦY BAN NHÂN DÂN TỈNH AN GIANG</p><p>Số: 12/KH-UBND</p><p>An Giang, ngày 05 tháng 01 năm 2026</p>
<p><b>KẾ HOẠCH</b></p><p><b>Triển khai chuyển đổi số năm 2026</b></p><p>PHỤ LỤC</p>
<table><thead><tr><th>STT</th><th>Tên nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời hạn</th></tr></thead>
<tr><td>1.</td><td>Ban hành quy chế quản lý dữ liệu của tỉnh</td><td>Sở Khoa học và Công nghệ</td><td>Văn phòng Ủy ban nhân dân tỉnh</td><td>30/6/2026</td></tr>
<tr><td>2.</td><td>Nâng cấp Cổng dịch vụ công của tỉnh</td><td>Sở Nội vụ</td><td>Sở Tư pháp</td><td>Quý IV/2026</td></tr>
<tr><td>3.</td><td>Số hóa hồ sơ thủ tục hành chính</td><td>Sở Tư pháp</td><td></td><td>31/12/2026</td></tr>
</table></body></html>`;

/** Grayscale PGM pages → a PDF of page images (DeviceGray, Flate), as a scanner writes one. */
function imagesToPdf(pages: Buffer[]): Uint8Array {
  const objects: (string | Buffer)[][] = [];
  const kids: number[] = [];
  objects.push(["<< /Type /Catalog /Pages 2 0 R >>"]);
  objects.push([]); // pages, filled in below
  for (const pgm of pages) {
    const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1"))!;
    const [w, h] = [Number(m[1]), Number(m[2])];
    const pixels = deflateSync(pgm.subarray(m[0].length));
    const image = objects.length + 1;
    objects.push([
      `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`,
      pixels,
      "\nendstream",
    ]);
    const [pw, ph] = [(w * 72) / 200, (h * 72) / 200];
    const draw = `q ${pw} 0 0 ${ph} 0 0 cm /Im Do Q`;
    objects.push([`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`]);
    kids.push(objects.length + 1);
    objects.push([
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Contents ${objects.length} 0 R /Resources << /XObject << /Im ${image} 0 R >> >> >>`,
    ]);
  }
  objects[1] = [
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`,
  ];
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  let size = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((parts, i) => {
    offsets.push(size);
    const body = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      ...parts.map((p) => Buffer.from(p)),
      Buffer.from("\nendobj\n"),
    ]);
    chunks.push(body);
    size += body.length;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) tail += `${String(o).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`;
  chunks.push(Buffer.from(tail));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A printed PDF rendered to page images at 200 dpi and wrapped as a scanner's PDF. */
function scanOf(printed: Uint8Array, name: string): Uint8Array {
  writeFileSync(path.join(dir, `${name}.pdf`), printed);
  execFileSync("pdftoppm", ["-r", "200", "-gray", `${name}.pdf`, name], { cwd: dir });
  const images = readdirSync(dir)
    .filter((f) => new RegExp(`^${name}-\\d+\\.pgm$`).test(f))
    .sort();
  return imagesToPdf(images.map((f) => readFileSync(path.join(dir, f))));
}

function printedAndScanned(): { printed: Uint8Array; scanned: Uint8Array } {
  const printed = printHtml(PLAN);
  return { printed, scanned: scanOf(printed, "img") };
}

const tasks = (r: ImportResult) =>
  r.appendices.flatMap((a) =>
    a.tasks.map((t) => ({
      number: t.number,
      lead: t.lead.map((o) => o.name),
      due: t.deadline.due,
    })),
  );

/** Per appendix, each task's number, group, lead, due date and milestones (within the contract). */
const grouped = (r: ImportResult) =>
  r.appendices.map((a) => ({
    kind: a.kind,
    tasks: a.tasks.map((t) => ({
      number: t.number,
      groupPath: t.groupPath,
      lead: t.lead.map((o) => o.name),
      due: t.deadline.due,
      milestones: t.milestones.map((m) => m.deadline.due),
    })),
  }));

const EXAMPLES = fileURLToPath(new URL("../../../../examples/", import.meta.url));

const ON_PATH = { tesseract: "tesseract", pdftoppm: "pdftoppm" };

const tools =
  existsSync(CHROMIUM) &&
  existsSync("/usr/bin/tesseract") &&
  existsSync("/usr/bin/pdftoppm") &&
  existsSync("/usr/bin/pngtopam");

describe.skipIf(!tools)("scanned PDF and page images", () => {
  it("imports through OCR to the same tasks as the printed PDF", async () => {
    const { printed, scanned } = printedAndScanned();
    const want = await importDocumentFile(printed);
    const pages: number[] = [];
    const got = await importDocumentFile(scanned, {
      ocr: scanOcr(ON_PATH, (done) => pages.push(done)),
    });
    expect(tasks(want)).toHaveLength(3);
    expect(tasks(got)).toEqual(tasks(want));
    expect(got.document).toMatchObject({ number: "12/KH-UBND", date: "2026-01-05" });
    expect(pages).toEqual([1]);
    for (const w of got.warnings.filter((x) => x.code === "ocr_low_confidence"))
      expect(w.message).toMatch(/^Trang \d+: /);
  }, 120_000);

  it("imports an example plan scanned (Roman groups, rows cut at page breaks) to the same tasks and groups", async () => {
    const text = readFileSync(path.join(EXAMPLES, "bo-xay-dung-ke-hoach-chuyen-doi-so-2026.txt"));
    const printed = printPlan(readTextBlocks(text.toString("utf8")));
    const want = await importDocumentFile(printed);
    const got = await importDocumentFile(scanOf(printed, "example"), { ocr: scanOcr(ON_PATH) });
    const groups = (r: ImportResult) => r.appendices.map((a) => a.groups.map((g) => g.number));
    expect(groups(want)).toEqual([["I", "II", "III"], []]);
    expect(groups(got)).toEqual(groups(want));
    expect(grouped(got)).toEqual(grouped(want));
    expect(grouped(want).flatMap((a) => a.tasks)).toHaveLength(7);
    expect(
      got.appendices.map((a) => a.indicators.map((i) => [i.number, i.periods.length])),
    ).toEqual(want.appendices.map((a) => a.indicators.map((i) => [i.number, i.periods.length])));
  }, 240_000);

  it.each([
    ["PNG, colour, 300 dpi", ["-r", "300", "-png"], "png"],
    ["JPEG, 200 dpi", ["-r", "200", "-jpeg"], "jpg"],
  ])(
    "imports a page scanned to an image (%s) to the same tasks",
    async (_, format, ext) => {
      const printed = printHtml(PLAN);
      writeFileSync(path.join(dir, "photo.pdf"), printed);
      execFileSync("pdftoppm", [...format, "-singlefile", "photo.pdf", "photo"], { cwd: dir });
      const image = readFileSync(path.join(dir, `photo.${ext}`));
      const got = await importDocumentFile(new Uint8Array(image), { ocr: scanOcr(ON_PATH) });
      expect(tasks(got)).toEqual(tasks(await importDocumentFile(printed)));
      expect(got.document).toMatchObject({ number: "12/KH-UBND", date: "2026-01-05" });
    },
    120_000,
  );

  it("imports a plan scanned to a two-page TIFF (grey, LZW, 300 dpi) from both pages", async () => {
    const printed = printHtml(
      PLAN.replace("<tr><td>3.</td>", '<tr style="break-before: page"><td>3.</td>'),
    );
    writeFileSync(path.join(dir, "two.pdf"), printed);
    execFileSync("pdftoppm", ["-r", "300", "-gray", "-tiff", "two.pdf", "two"], { cwd: dir });
    const pages = readdirSync(dir)
      .filter((f) => /^two-\d+\.tif$/.test(f))
      .sort();
    expect(pages).toHaveLength(2);
    const pnm = Buffer.concat(
      pages.map((f) =>
        execFileSync("tifftopnm", [f], {
          cwd: dir,
          stdio: ["ignore", "pipe", "ignore"],
          maxBuffer: 2 ** 26,
        }),
      ),
    );
    execFileSync("pamtotiff", ["-lzw", "-output", "two.tif"], { cwd: dir, input: pnm });
    const read: number[] = [];
    const got = await importDocumentFile(new Uint8Array(readFileSync(path.join(dir, "two.tif"))), {
      ocr: scanOcr(ON_PATH, (done) => read.push(done)),
    });
    expect(read).toEqual([1, 2]);
    expect(tasks(got)).toEqual(tasks(await importDocumentFile(printed)));
    expect(tasks(got).map((t) => t.number)).toEqual(["1", "2", "3"]);
  }, 180_000);

  it("says in Vietnamese that a damaged image cannot be read", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(importDocumentFile(png, { ocr: scanOcr(ON_PATH) })).rejects.toThrow(
      "Không đọc được ảnh quét: tệp ảnh bị hỏng hoặc không nhận dạng được.",
    );
  });

  it("says in Vietnamese that Tesseract is missing", async () => {
    const { scanned } = printedAndScanned();
    const programs = { ...ON_PATH, tesseract: path.join(dir, "no-tesseract") };
    await expect(importDocumentFile(scanned, { ocr: scanOcr(programs) })).rejects.toThrow(
      /chưa cài Tesseract/,
    );
  }, 120_000);
});
