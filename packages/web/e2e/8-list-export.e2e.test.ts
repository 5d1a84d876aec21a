import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/** Clicks the page's "Xuất Excel" and reads the workbook the browser saved. */
async function exported(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Xuất Excel" }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { book, fileName: download.suggestedFilename() };
}

/** The figure at the start of the list's status line ("17 nhiệm vụ khớp bộ lọc"). */
async function listed(page: Page): Promise<number> {
  const line = page.getByRole("status").filter({ hasText: "nhiệm vụ khớp bộ lọc" });
  await line.waitFor();
  return Number((await line.textContent())!.match(/^(\d+)/)![1]);
}

/** "Xuất Excel" on the list and dashboard pages: the file holds what the page shows. */
describe.each(LOCALES)("xuất Excel (%s)", (locale) => {
  let browser: Browser;
  beforeAll(async () => {
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the overdue tasks of every plan: every page of the list in the file", async () => {
    const width = locale === "vi-VN" ? 1366 : 390;
    const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", width, locale);
    await page.goto("/nhiem-vu?status=overdue&asOf=2026-06-01");
    const count = await listed(page);
    expect(count).toBeGreaterThan(0);
    await screenshot(page, "xuat-excel-nhiem-vu");
    const { book, fileName } = await exported(page);
    expect(fileName).toBe("nhiem-vu-2026-06-01.xlsx");
    const sheet = book.getWorksheet("Nhiệm vụ")!;
    expect(sheet.rowCount).toBe(1 + count);
    const statuses = new Set<unknown>();
    sheet.eachRow((row, n) => n > 1 && statuses.add(row.getCell(9).value));
    expect([...statuses]).toEqual(["Quá hạn"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the dashboard and the scorecards of plan 596", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    const plans = (await page.evaluate(async () => (await fetch("/api/plans")).json())) as {
      items: { id: number; number: string | null }[];
    };
    const plan = plans.items.find((p) => p.number?.startsWith("596"))!.id;
    await page.goto(`/?plan=${plan}&asOf=2026-06-01`);
    const total = page.getByTestId("status-counts").locator(".stat.total .value");
    await total.waitFor();
    const dashboard = await exported(page);
    expect(dashboard.fileName).toBe("tong-quan-2026-06-01.xlsx");
    expect(dashboard.book.worksheets.map((s) => s.name)).toEqual([
      "Theo tình trạng",
      "Theo đơn vị chủ trì",
      "Quá hạn",
    ]);
    let sum = 0;
    dashboard.book.getWorksheet("Theo tình trạng")!.eachRow((row, n) => {
      if (n > 1) sum += row.getCell(2).value as number;
    });
    expect(sum).toBe(Number(await total.textContent()));

    await page.goto(`/danh-gia?plan=${plan}&asOf=2026-06-01`);
    const units = page.getByRole("status").filter({ hasText: /^\d+ đơn vị$/ });
    await units.waitFor();
    const scorecards = await exported(page);
    expect(scorecards.book.getWorksheet("Đơn vị")!.rowCount - 1).toBe(
      Number((await units.textContent())!.match(/^(\d+)/)![1]),
    );
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "xuat-excel-danh-gia");
    expect(errors).toEqual([]);
    await context.close();
  });
});
