import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");

/**
 * Issue 16, point 4: the monitoring department publishes plan 596; a visitor with no account
 * opens the public pages and sees its counts by status and its overdue tasks with their lead
 * units — the same figures as the dashboard of today.
 */
describe.each(LOCALES)("trang công khai (%s)", (locale) => {
  const width = locale === "vi-VN" ? 1366 : 390;
  let browser: Browser;
  let planId = 0;
  let overdue = 0;
  beforeAll(async () => {
    await giamsat(inject("dataDir"), [
      "import",
      path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt"),
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the monitoring department publishes plan 596 with a reason, on the plan page", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", width, locale);
    const found = await page.evaluate(async () => {
      const plans = (await (await fetch("/api/plans")).json()) as {
        items: { id: number; number: string | null }[];
      };
      const id = plans.items.find((p) => p.number?.startsWith("596"))!.id;
      const stats = (await (await fetch(`/api/stats?plan=${id}`)).json()) as {
        counts: { overdue: number };
      };
      return { id, overdue: stats.counts.overdue };
    });
    planId = found.id;
    overdue = found.overdue;
    await page.goto(`/ke-hoach/${planId}`);
    const state = page.getByTestId("plan-published");
    await state.waitFor();
    // the other locale's run may have published it already: withdraw first, with a reason
    if ((await state.textContent())?.startsWith("Kế hoạch được công khai")) {
      await page.getByLabel("Lý do (bắt buộc)").fill("Thôi công khai để kiểm tra lại");
      await page.getByRole("button", { name: "Thôi công khai" }).click();
      await expect.poll(() => state.textContent()).toBe("Kế hoạch chưa được công khai.");
    }
    await page.getByLabel("Lý do (bắt buộc)").fill("Công khai theo kế hoạch của bộ");
    await page.getByRole("button", { name: "Công khai kế hoạch" }).click();
    await expect.poll(() => state.textContent()).toMatch(/^Kế hoạch được công khai từ ngày /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a visitor with no account sees its counts and overdue tasks", async () => {
    const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/cong-khai`);
    await page.getByRole("heading", { name: "Kế hoạch được công khai" }).waitFor();
    await page.getByRole("link", { name: /596\/QĐ-BCT/ }).click();
    const counts = page.getByTestId("public-counts");
    await counts.waitFor();
    expect(Number(await counts.locator('[data-status="overdue"] .value').textContent())).toBe(
      overdue,
    );
    expect(overdue).toBeGreaterThan(0);
    expect(await page.getByTestId("public-overdue").locator("tbody tr").count()).toBe(
      Math.min(overdue, 200),
    );
    expect(await page.getByRole("link", { name: "Đăng xuất" }).count()).toBe(0);
    expect(page.url()).toContain(`/cong-khai/${planId}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await screenshot(page, "cong-khai-ke-hoach");
    expect(errors).toEqual([]);
    await context.close();
  });
});
