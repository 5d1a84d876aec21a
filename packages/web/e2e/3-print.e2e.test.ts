import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signIn } from "./support/browser.js";
import { LOCALES, type Locale } from "./support/locales.js";
import { screenshotsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/**
 * Prints the page to an A4 PDF with Chromium, keeps a picture of its first two pages for a
 * person to look at (test-results/screenshots/print-<name>[-<locale>]-N.png, the locale named
 * when it is not vi-VN), and returns each page's text.
 */
async function printPages(page: Page, base: string, locale: Locale): Promise<string[]> {
  const name = locale === "vi-VN" ? base : `${base}-${locale}`;
  const pdf = path.join(dataDir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  mkdirSync(screenshotsDir, { recursive: true });
  execFileSync("pdftoppm", [
    "-r",
    "60",
    "-png",
    "-f",
    "1",
    "-l",
    "2",
    pdf,
    path.join(screenshotsDir, `print-${name}`),
  ]);
  const size = execFileSync("pdfinfo", [pdf]).toString();
  expect(size).toMatch(
    /Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)|Page size:\s+594\.96 x 841\.92 pts \(A4\)/,
  );
  return execFileSync("pdftotext", ["-layout", pdf, "-"])
    .toString()
    .split("\f")
    .filter((p) => p.trim());
}

/** Lists and the dashboard print on A4 without the menu or filters, headers on every page. */
describe.each(LOCALES)("in trên khổ A4 (%s)", (locale) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the dashboard over all plans: content only, the overdue table's header on every page", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    await page.goto("/?asOf=2026-06-01");
    await page.getByTestId("overdue-table").waitFor();
    const pages = await printPages(page, "dashboard", locale);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain("Tổng quan tình hình thực hiện");
    for (const text of pages) {
      expect(text).not.toContain("Đăng xuất");
      expect(text).not.toContain("Lãnh đạo chỉ đạo");
    }
    const withTable = pages.filter((text) => /Quá hạn \d+ ngày/.test(text));
    expect(withTable.length).toBeGreaterThan(1);
    // the narrow plan column may wrap its header ("Kế / hoạch") in print
    for (const text of withTable) expect(text).toMatch(/STT\s+Kế\s+(hoạch\s+)?Nhiệm vụ/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a plan's task list and the unit's inbox print without filters or paging", async () => {
    const leader = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    const plans = (await leader.page.evaluate(async () => (await fetch("/api/plans")).json())) as {
      items: { id: number; number: string | null }[];
    };
    const plan = plans.items.find((p) => p.number?.startsWith("596"));
    await leader.page.goto(`/ke-hoach/${plan?.id}?asOf=2026-06-01`);
    await leader.page.getByTestId("task-table").waitFor();
    const planPages = await printPages(leader.page, "plan", locale);
    expect(planPages.length).toBeGreaterThan(1);
    for (const text of planPages) {
      expect(text).not.toContain("Trang sau");
      expect(text).not.toContain("Tìm nhiệm vụ");
    }
    // the indicator appendix comes first; from the page where the task table starts, its
    // header is repeated on every page
    const header = /STT\s+Tên nhiệm vụ/;
    const first = planPages.findIndex((text) => header.test(text));
    expect(first).toBeGreaterThanOrEqual(0);
    const withTasks = planPages.slice(first);
    expect(withTasks.length).toBeGreaterThan(1);
    for (const text of withTasks) expect(text).toMatch(header);
    await leader.context.close();

    const unit = await signIn(browser, baseUrl, "donvi", 1366, locale);
    await unit.page.getByTestId("inbox-table").waitFor();
    const inboxPages = await printPages(unit.page, "inbox", locale);
    expect(inboxPages[0]).toContain("Việc của đơn vị");
    for (const text of inboxPages) {
      expect(text).not.toContain("Phải báo cáo kỳ này (");
      expect(text).not.toContain("Đăng xuất");
    }
    expect(unit.errors).toEqual([]);
    await unit.context.close();
  });

  it("every plan's task list and the unit scorecards: content only, headers on every page", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    await page.goto("/nhiem-vu?asOf=2026-06-01");
    await page.getByTestId("task-table").waitFor();
    const taskPages = await printPages(page, "tasks", locale);
    expect(taskPages.length).toBeGreaterThan(1);
    for (const text of taskPages) {
      expect(text).not.toContain("Đăng xuất");
      expect(text).not.toContain("Tìm nhiệm vụ");
      expect(text).toMatch(/STT\s+Kế\s+(hoạch\s+)?Tên nhiệm vụ/);
    }
    await page.goto("/danh-gia?asOf=2026-06-01");
    await page.getByTestId("scorecard-table").waitFor();
    const cardPages = await printPages(page, "scorecards", locale);
    expect(cardPages[0]).toContain("Đánh giá đơn vị");
    for (const text of cardPages) {
      expect(text).not.toContain("Đăng xuất");
      expect(text).not.toContain("Tìm đơn vị");
      // the unit column's header wraps ("Đơn vị / chủ trì") in print
      expect(text).toMatch(/Đơn vị\s+Chủ trì\s+Đúng hạn/);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
