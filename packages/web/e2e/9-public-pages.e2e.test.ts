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

  it("the monitoring department publishes plan 596 with a reason", async () => {
    const { page, context } = await signIn(browser, baseUrl, "theodoi", width, locale);
    const result = await page.evaluate(async () => {
      const plans = (await (await fetch("/api/plans")).json()) as {
        items: { id: number; number: string | null }[];
      };
      const id = plans.items.find((p) => p.number?.startsWith("596"))!.id;
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const res = await fetch(`/api/plans/${id}/published`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify({ published: true, reason: "Công khai theo kế hoạch của tỉnh" }),
      });
      const stats = (await (await fetch(`/api/stats?plan=${id}`)).json()) as {
        counts: { overdue: number };
      };
      return { id, status: res.status, overdue: stats.counts.overdue };
    });
    expect(result.status).toBe(200);
    planId = result.id;
    overdue = result.overdue;
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
