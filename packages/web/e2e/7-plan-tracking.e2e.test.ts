import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const AS_OF = "2026-06-01";

const reportsDue = (page: Page, planId: number) =>
  page.evaluate(
    async ([id, asOf]) => {
      const res = await fetch(`/api/scorecards?plan=${id}&asOf=${asOf}`);
      const cards = (await res.json()).items as { reportsDue: number }[];
      return cards.reduce((n, c) => n + c.reportsDue, 0);
    },
    [planId, AS_OF] as const,
  );

/**
 * The plan page shows the day report timeliness is counted from (by default
 * the import day); the monitoring department sets it (typed dd/mm/yyyy in any browser language)
 * and goes back to the default; the scorecards follow. Others see the day, not the form.
 */
describe.each(LOCALES)("ngày bắt đầu theo dõi kế hoạch (%s)", (locale) => {
  let browser: Browser;
  let planId = 0;
  beforeAll(async () => {
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the monitoring department sets the day and goes back to the import day", async () => {
    const { page, errors } = await signIn(browser, baseUrl, "theodoi", 1366, locale);
    const plans = (await page.evaluate(async () => (await fetch("/api/plans")).json())) as {
      items: { id: number; number: string | null; importedAt: string }[];
    };
    const plan = plans.items.find((p) => p.number?.startsWith("596"))!;
    planId = plan.id;
    await page.goto(`/ke-hoach/${planId}`);
    const shown = page.getByTestId("tracked-from");
    await page.getByLabel("Tính báo cáo đúng hạn từ ngày").fill("1/4/2026");
    await page.getByLabel("Lý do (không bắt buộc)").fill("Bộ theo dõi kế hoạch từ tháng 4");
    await page.getByRole("button", { name: "Lưu ngày theo dõi" }).click();
    await expect.poll(() => shown.textContent()).toContain("01/04/2026 (do cơ quan đầu mối đặt)");
    const owedFromApril = await reportsDue(page, planId);
    expect(owedFromApril).toBeGreaterThan(0);
    await screenshot(page, "21-plan-tracked-from");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "21-plan-tracked-from");
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole("button", { name: "Về ngày nhập kế hoạch" }).click();
    await expect.poll(() => shown.textContent()).toContain("(mặc định: ngày nhập kế hoạch");
    // imported today: nothing was owed as of 01/06/2026
    expect(await reportsDue(page, planId)).toBe(0);
    // the plan's own date again, as the scorecard tests use it
    await page.getByLabel("Tính báo cáo đúng hạn từ ngày").fill("31032026");
    await page.getByRole("button", { name: "Lưu ngày theo dõi" }).click();
    await expect.poll(() => shown.textContent()).toContain("31/03/2026");
    expect(await reportsDue(page, planId)).toBeGreaterThanOrEqual(owedFromApril);
    expect(errors).toEqual([]);
  });

  it("a leader sees the day but no form", async () => {
    const { page, errors } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    await page.goto(`/ke-hoach/${planId}`);
    await page.getByTestId("tracked-from").getByText("31/03/2026").waitFor();
    expect(await page.getByRole("button", { name: "Lưu ngày theo dõi" }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
