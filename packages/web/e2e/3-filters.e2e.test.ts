import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signIn, statusCount } from "./support/browser.js";
import { LOCALES } from "./support/locales.js";
import type { UserPage } from "./support/browser.js";

const baseUrl = inject("baseUrl");
const AS_OF = "2026-06-01";

const getJson = <T>(page: Page, url: string) =>
  page.evaluate(
    async (u) => (await fetch(u, { credentials: "same-origin" })).json(),
    url,
  ) as Promise<T>;

/**
 * The leader filter on the dashboard, and the plan's task table: the appendix beside each
 * number (numbers restart in each appendix of plan 596) and the order chosen on the server.
 */
describe("bộ lọc lãnh đạo, phụ lục và sắp xếp", () => {
  let browser: Browser;
  let leader: UserPage;
  let planId = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    leader = await signIn(browser, baseUrl, "lanhdao");
    const plans = await getJson<{ items: { id: number; number: string | null }[] }>(
      leader.page,
      "/api/plans",
    );
    planId = plans.items.find((p) => p.number?.startsWith("596"))?.id ?? 0;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("filtering the dashboard by a directing leader counts that leader's tasks", async () => {
    const { page, errors } = leader;
    await page.goto(`/?plan=${planId}&asOf=${AS_OF}`);
    const all = await statusCount(page, "overdue");
    const select = page.getByLabel("Lãnh đạo chỉ đạo");
    await expect.poll(() => select.locator("option").count()).toBeGreaterThan(1);
    const option = select.locator("option").nth(1);
    const name = (await option.getAttribute("value")) ?? "";
    const tasks = Number(/\((\d+)\)$/.exec((await option.textContent()) ?? "")?.[1]);
    await select.selectOption(name);
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/leader=/);
    expect(new URL(page.url()).searchParams.get("leader")).toBe(name);
    const total = page.getByTestId("status-counts").locator(".stat.total .value");
    await expect.poll(async () => Number(await total.textContent())).toBe(tasks);
    expect(await statusCount(page, "overdue")).toBeLessThanOrEqual(all);
    const rows = page.getByTestId("overdue-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(await statusCount(page, "overdue"));
    expect(errors).toEqual([]);
  });

  it("the plan's task table names each task's appendix and sorts by deadline on the server", async () => {
    const { page, errors } = leader;
    await page.goto(`/ke-hoach/${planId}?asOf=${AS_OF}`);
    const table = page.getByTestId("task-table");
    await table.waitFor();
    const labels = new Set(await table.locator(".appendix-label").allTextContents());
    expect(labels.size).toBeGreaterThan(1);
    expect([...labels].every((l) => l.startsWith("Phụ lục"))).toBe(true);

    await table.getByRole("button", { name: "Thời hạn" }).click();
    await page.waitForURL(/sort=deadline/);
    await expect
      .poll(() => table.locator("th[aria-sort=ascending]").textContent(), { timeout: 10_000 })
      .toContain("Thời hạn");
    // the due day behind each label ("Quý II/2026" is due 30/06/2026); tasks without one last
    const dueDays = () =>
      table
        .locator("tbody tr td[data-due]")
        .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-due") || "9999-12-31"));
    const ascending = (days: string[]) => days.every((d, i) => i === 0 || d >= (days[i - 1] ?? ""));
    await expect.poll(async () => ascending(await dueDays()), { timeout: 10_000 }).toBe(true);
    const days = await dueDays();
    expect(new Set(days).size).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort());

    await table.getByRole("button", { name: /Thời hạn/ }).click();
    await page.waitForURL(/dir=desc/);
    await expect
      .poll(() => table.locator("th[aria-sort=descending]").textContent(), { timeout: 10_000 })
      .toContain("Thời hạn");
    expect(errors).toEqual([]);
  });

  it.each(LOCALES)(
    "over all plans, a status card opens every plan's tasks with that status, each with its plan (%s)",
    async (locale) => {
      const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
      await page.goto(`/?asOf=${AS_OF}`);
      const overdue = await statusCount(page, "overdue");
      expect(overdue).toBeGreaterThan(0);
      const planHeader = page.getByTestId("overdue-table").locator("thead th").nth(1);
      expect(await planHeader.textContent()).toBe("Kế hoạch");
      const cells = page.getByTestId("overdue-table").locator("tbody td[data-label='Kế hoạch']");
      // the plans' labels arrive after the list: wait until every row names its plan
      await expect
        .poll(async () => {
          const texts = await cells.allTextContents();
          return texts.length === Math.min(overdue, 200) && texts.every((c) => c.trim() !== "");
        })
        .toBe(true);
      const planCells = await cells.allTextContents();
      expect(planCells.length).toBe(Math.min(overdue, 200));
      expect(planCells.some((c) => c.startsWith("596/"))).toBe(true);

      await page.getByTestId("status-counts").locator('[data-status="overdue"]').click();
      await page.waitForURL(/\/nhiem-vu\?/);
      expect(new URL(page.url()).searchParams.get("status")).toBe("overdue");
      await page.getByRole("heading", { name: "Nhiệm vụ của mọi kế hoạch" }).waitFor();
      await page.getByText(`${overdue} nhiệm vụ khớp bộ lọc`).waitFor();
      const table = page.getByTestId("task-table");
      const chips = await table.locator("tbody .chip").allTextContents();
      expect(chips.length).toBe(Math.min(overdue, 100));
      expect(chips.every((c) => c.startsWith("Quá hạn"))).toBe(true);
      expect(await table.locator("thead th").nth(1).textContent()).toBe("Kế hoạch");
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
