import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, screenshotAndPhone, signIn } from "./support/browser.js";
import { LOCALES } from "./support/locales.js";

const baseUrl = inject("baseUrl");

/**
 * The unit's inbox at a desktop and a phone width, in a Vietnamese and an English browser: twenty
 * compact rows a page, counts on the filter buttons, search without diacritics, filters in the URL.
 */
describe.each(LOCALES)("việc của đơn vị (%s)", (locale) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([1366, 390])(
    "pages, filters and finds tasks typed without diacritics at %i px",
    async (width) => {
      const { page, errors, context } = await signIn(browser, baseUrl, "donvi", width, locale);
      await page.waitForURL(/\/don-vi$/);
      const table = page.getByTestId("inbox-table");
      const rows = table.locator("tbody tr");
      await table.waitFor();
      const all = Number(
        /\((\d+)\)/.exec(
          (await page.getByRole("button", { name: /^Tất cả/ }).textContent()) ?? "",
        )?.[1],
      );
      expect(all).toBeGreaterThan(0);
      expect(await rows.count()).toBe(Math.min(20, all));
      await screenshot(page, "06-inbox");
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(width < 600 ? 9000 : 4000);

      const overdue = page.getByRole("button", { name: /^Quá hạn/ });
      const overdueCount = Number(/\((\d+)\)/.exec((await overdue.textContent()) ?? "")?.[1]);
      await overdue.click();
      await page.waitForURL(/show=overdue/);
      await expect.poll(() => rows.count()).toBe(Math.min(20, overdueCount));
      expect(await overdue.getAttribute("aria-pressed")).toBe("true");
      const chips = await rows.locator(".chip.s-overdue").count();
      expect(chips).toBeGreaterThanOrEqual(Math.min(20, overdueCount));

      await page.getByRole("button", { name: /^Tất cả/ }).click();
      const name = (await rows.first().locator("td.task-name a").textContent()) ?? "";
      const words = name
        .replace(/^[\d.]+\s*/, "")
        .split(/\s+/)
        .slice(0, 3)
        .join(" ");
      const plain = words
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/đ/g, "d")
        .replace(/Đ/g, "D");
      await page.getByLabel("Tìm nhiệm vụ").fill(plain);
      await page.waitForURL(/q=/);
      await expect.poll(async () => (await rows.allTextContents()).join(" ")).toContain(words);
      expect(await rows.count()).toBeLessThan(Math.min(20, all) + 1);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it("ticks two recurring tasks for “Không phát sinh” together, and sends them as two reports", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "donvi", 1366, locale);
    await page.goto("/don-vi?kind=recurring&show=to_report");
    const table = page.getByTestId("inbox-table");
    await table.waitFor();
    const owed = page.getByRole("button", { name: /^Phải báo cáo kỳ này/ });
    const count = async () => Number(/\((\d+)\)/.exec((await owed.textContent()) ?? "")?.[1]);
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(2);
    const boxes = table.getByRole("checkbox", { name: /^Chọn: / });
    const names = [];
    for (const i of [0, 1]) {
      names.push(((await boxes.nth(i).getAttribute("aria-label")) ?? "").replace(/^Chọn: /, ""));
      await boxes.nth(i).check();
    }
    const bar = page.getByTestId("bulk-report");
    await bar.getByRole("heading", { name: "Báo cáo chung cho 2 nhiệm vụ đã chọn" }).waitFor();
    expect(await bar.getByLabel("Không phát sinh").isChecked()).toBe(true);
    await screenshotAndPhone(page, "21-inbox-bulk");
    if (locale === "vi-VN") {
      // sent once (in the English browser): the unit's last two owed reports stay for the
      // screenshots' report form
      await bar.getByRole("button", { name: "Bỏ chọn" }).click();
      await expect.poll(() => bar.count()).toBe(0);
      expect(await count()).toBe(before);
      await context.close();
      return;
    }
    await bar.getByRole("button", { name: "Gửi 2 báo cáo" }).click();
    await page.getByText("Đã gửi 2 báo cáo, đang chờ cơ quan theo dõi duyệt.").waitFor();
    // the bar is gone with its button: the keyboard is on the result, in the live region
    const result = page.getByTestId("result-message");
    await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(count).toBe(before - 2);
    const rows = await table.locator("tbody tr").allTextContents();
    for (const name of names) expect(rows.join(" ")).not.toContain(name);
    expect(errors).toEqual([]);
    await context.close();
  });
});
