import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { printHtml } from "../../core/src/import/fixtures/pdf.print.js";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

const TASKS: [name: string, lead: string, due: string][] = [
  ["Ban hành quy chế quản lý dữ liệu của tỉnh", "Sở Khoa học và Công nghệ", "30/6/2026"],
  ["Nâng cấp Cổng dịch vụ công của tỉnh", "Sở Nội vụ", "30/9/2026"],
  ["Số hóa hồ sơ thủ tục hành chính", "Sở Tư pháp", "31/12/2026"],
  ["Đào tạo kỹ năng số cho cán bộ", "Sở Nội vụ", "31/12/2026"],
  ["Xây dựng kho dữ liệu dùng chung", "Sở Tài chính", "31/3/2027"],
  ["Đánh giá mức độ chuyển đổi số", "Văn phòng Ủy ban nhân dân tỉnh", "30/6/2027"],
];

/**
 * A small plan of six pages (one task a page), printed and scanned to a six-page TIFF: the server
 * reads its pages in at least two rounds on up to five cores, so the page has time to show a
 * figure between the first page read and the last.
 */
function scannedPlan(): string {
  const dir = path.join(dataDir, "scan-progress");
  mkdirSync(dir, { recursive: true });
  const rows = TASKS.map(
    ([name, lead, due], i) =>
      `<tr${i > 0 ? ' style="break-before: page"' : ""}><td>${i + 1}.</td><td>${name}</td><td>${lead}</td><td>${due}</td></tr>`,
  );
  const html = `<html><head><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 15mm } body { font: 13pt serif }
table { border-collapse: collapse } td, th { border: 1.5px solid #000; padding: 4px 6px }
</style></head><body>
<p>ỦY BAN NHÂN DÂN TỈNH AN GIANG</p><p>Số: 31/KH-UBND</p><p>An Giang, ngày 05 tháng 01 năm 2026</p>
<p><b>KẾ HOẠCH</b></p><p><b>Triển khai chuyển đổi số năm 2026</b></p><p>PHỤ LỤC</p>
<table><thead><tr><th>STT</th><th>Tên nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời hạn</th></tr></thead>
${rows.join("\n")}</table></body></html>`;
  writeFileSync(path.join(dir, "plan.pdf"), printHtml(html));
  execFileSync("pdftoppm", ["-r", "200", "-gray", "plan.pdf", "page"], { cwd: dir });
  const pages = readdirSync(dir)
    .filter((f) => /^page-\d+\.pgm$/.test(f))
    .sort();
  expect(pages).toHaveLength(TASKS.length);
  const pnm = Buffer.concat(pages.map((f) => readFileSync(path.join(dir, f))));
  execFileSync("pamtotiff", ["-lzw", "-output", "plan.tif"], { cwd: dir, input: pnm });
  return path.join(dir, "plan.tif");
}

/**
 * A scan read by OCR: while the server recognises its pages, the import page shows which page it
 * has reached with a progress bar, then the preview of the plan read from all six pages.
 */
describe("nhập bản quét: thanh tiến độ nhận dạng chữ", () => {
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    file = scannedPlan();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the pages recognised so far, then the plan", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", 1366, "vi-VN");
    await page.goto("/nhap");
    await page.getByLabel(/Văn bản kế hoạch/).setInputFiles(file);
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    const label = page.getByText(/^Đang nhận dạng chữ bản quét: trang [1-5]\/6$/);
    await label.waitFor({ timeout: 120_000 });
    // The label and the bar of one render (the next poll may move both).
    const [text, value, max] = await page
      .getByRole("status")
      .filter({ has: page.locator("progress#import-progress") })
      .evaluate((el) => [
        el.querySelector("label")?.textContent ?? "",
        el.querySelector("progress")?.getAttribute("value"),
        el.querySelector("progress")?.getAttribute("max"),
      ]);
    expect(max).toBe("6");
    expect(text).toBe(`Đang nhận dạng chữ bản quét: trang ${value}/6`);
    await screenshot(page, "nhap-ban-quet-tien-do");
    await page.getByText(TASKS[5]![0]).waitFor({ timeout: 120_000 });
    for (const [name] of TASKS) expect(await page.getByText(name).count()).toBeGreaterThan(0);
    expect(await page.locator("progress#import-progress").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
