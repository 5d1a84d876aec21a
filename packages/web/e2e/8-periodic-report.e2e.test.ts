import { readFileSync } from "node:fs";
import path from "node:path";
import { checkDocxConformance } from "@giamsat/core";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/** Clicks a download link on the page and reads the file the browser saved. */
async function downloaded(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name }).click(),
  ]);
  return readFileSync((await download.path())!);
}

describe.each(LOCALES)("báo cáo định kỳ (%s)", (locale) => {
  let browser: Browser;
  let planId = 0;
  beforeAll(async () => {
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("previews plan 596 as of 01/06/2026, saves the department's section, downloads .docx, .pdf and .xlsx", async () => {
    const width = locale === "vi-VN" ? 1366 : 390;
    const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", width, locale);
    const plans = (await page.evaluate(async () => (await fetch("/api/plans")).json())) as {
      items: { id: number; number: string | null }[];
    };
    planId = plans.items.find((p) => p.number?.startsWith("596"))?.id ?? 0;
    // earlier files accept reports on this plan: the count comes from the dashboard's statistics
    const stats = (await page.evaluate(
      async (id) => (await fetch(`/api/stats?plan=${id}&asOf=2026-06-01`)).json(),
      planId,
    )) as { counts: { overdue: number } };
    const overdue = stats.counts.overdue;
    expect(overdue).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Báo cáo định kỳ" }).first().click();
    await page.waitForURL(/bao-cao-dinh-ky/);
    await page.getByLabel("Kế hoạch").selectOption(String(planId));
    await page.getByLabel("Số liệu tính đến ngày").fill("01/06/2026");
    await page.getByRole("button", { name: "Xem báo cáo" }).click();
    const preview = page.getByTestId("report-preview");
    await expect
      .poll(() => preview.textContent())
      .toContain(`Có ${overdue} nhiệm vụ chưa hoàn thành – quá hạn`);
    expect(await preview.textContent()).toContain("tháng 5/2026");
    // the page reflows at its width: nothing wider than the window (390 px in en-US)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );

    const assessment = `Đánh giá của cơ quan theo dõi (${locale}): tiến độ chung đạt yêu cầu.`;
    await page.getByLabel("III. Đánh giá chung").fill(assessment);
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu bản nháp" }).waitFor();
    await expect.poll(() => preview.textContent()).toContain(assessment);

    const docx = checkDocxConformance(await downloaded(page, "Tải .docx (Word)"));
    expect(docx.problems).toEqual([]);
    expect(docx.paragraphs).toContain(assessment);
    expect(docx.annexTables[1]!.rows).toBe(1 + overdue);

    const pdf = await downloaded(page, "Tải .pdf");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const book = new ExcelJS.Workbook();
    const xlsx = await downloaded(page, "Tải .xlsx (phụ lục)");
    await book.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength));
    expect(book.worksheets[0]!.rowCount).toBe(1 + 91);

    const kept = page.getByTestId("kept-reports");
    await expect
      .poll(() => kept.locator("tbody tr").count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);
    await screenshot(page, "bao-cao-dinh-ky");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is not offered to a unit user, and the API refuses it", async () => {
    const username = `donvi-bcdk-${locale}`;
    await addUser(dataDir, username, "unit_staff", "Văn phòng Bộ");
    const { page, context } = await signIn(browser, baseUrl, username, 1366, locale);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.getByRole("link", { name: "Việc của đơn vị" }).waitFor();
    expect(await nav.getByRole("link", { name: "Báo cáo định kỳ", exact: true }).count()).toBe(0);
    const status = await page.evaluate(
      async (id) =>
        (await fetch(`/api/reports/periodic?plan=${id}&asOf=2026-06-01&format=docx`)).status,
      planId,
    );
    expect(status).toBe(403);
    await context.close();
  });
});
