import path from "node:path";
import { fold } from "@giamsat/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshotAndPhone, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { setTrackedFrom } from "./support/flows.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const AS_OF = "2026-06-01";

type Card = {
  unitId: number;
  name: string;
  group: boolean;
  led: number;
  overdue: number;
  doneOnTime: number;
  reportsDue: number;
  reportsOnTime: number;
  timeliness: number | null;
};

const allCardsOf = (page: Page, query: string) =>
  page.evaluate(
    async (q) => (await (await fetch(`/api/scorecards?${q}`)).json()).items,
    query,
  ) as Promise<Card[]>;

/** The units' cards (group placeholders such as "Các bộ, ngành" are listed apart). */
const cardsOf = async (page: Page, query: string) =>
  (await allCardsOf(page, query)).filter((c) => !c.group);

const cell = (page: Page, unitId: number, key: string) =>
  page.locator(`[data-testid=scorecard-table] tr[data-unit="${unitId}"] td[data-key=${key}]`);

/** The unit scorecards page: every lead unit's figures as the API gives them, sorted and found. */
describe("đánh giá đơn vị", () => {
  let browser: Browser;
  let leader: UserPage;
  let planId = 0;

  beforeAll(async () => {
    // plan 596 (unchanged when an earlier file imported it)
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
    leader = await signIn(browser, baseUrl, "lanhdao");
    const plans = (await leader.page.evaluate(async () => (await fetch("/api/plans")).json())) as {
      items: { id: number; number: string | null }[];
    };
    planId = plans.items.find((p) => p.number?.startsWith("596"))?.id ?? 0;
    // reports count from the plan's own date (31/03/2026), not from its import day (today)
    const monitor = await signIn(browser, baseUrl, "theodoi");
    await setTrackedFrom(monitor.page, planId, "2026-03-31");
    await monitor.context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows each unit's tasks and on-time reports, most overdue first, sortable and searchable", async () => {
    const { page, errors } = leader;
    await page.goto(`/danh-gia?plan=${planId}&asOf=${AS_OF}`);
    const table = page.getByTestId("scorecard-table");
    await table.waitFor();
    const cards = await cardsOf(page, `plan=${planId}&asOf=${AS_OF}`);
    expect(cards.length).toBeGreaterThan(3);
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(cards.length);

    const reporting = cards.find((c) => c.reportsDue > 0)!;
    expect(Number(await cell(page, reporting.unitId, "led").textContent())).toBe(reporting.led);
    expect(await cell(page, reporting.unitId, "timeliness").textContent()).toBe(
      `${reporting.reportsOnTime}/${reporting.reportsDue} (${Math.round(reporting.timeliness! * 100)} %)`,
    );
    const overdue = async () =>
      (await table.locator("td[data-key=overdue]").allTextContents()).map(Number);
    const firstOverdue = await overdue();
    expect(firstOverdue).toEqual([...firstOverdue].sort((a, b) => b - a));
    expect(firstOverdue[0]).toBe(Math.max(...cards.map((c) => c.overdue)));

    await table.getByRole("button", { name: "Đúng hạn", exact: true }).click();
    await expect
      .poll(() => table.locator("th[aria-sort=descending]").textContent())
      .toContain("Đúng hạn");
    const done = (await table.locator("td[data-key=doneOnTime]").allTextContents()).map(Number);
    expect(done).toEqual([...done].sort((a, b) => b - a));

    // typed without diacritics, the name still matches
    const unit = cards.find((c) => /[àáảãạăâđèéêìíòóôơùúưỳý]/i.test(c.name)) ?? cards[0]!;
    const words = fold(unit.name);
    await page.getByLabel("Tìm đơn vị").fill(words.split(" ").slice(-2).join(" "));
    await expect.poll(() => rows.count()).toBeLessThan(cards.length);
    await expect(table.locator(`tr[data-unit="${unit.unitId}"]`).count()).resolves.toBe(1);

    await table.locator(`tr[data-unit="${unit.unitId}"] a`).click();
    await page.waitForURL(/lead=/);
    expect(new URL(page.url()).searchParams.get("lead")).toBe(String(unit.unitId));
    expect(errors).toEqual([]);
  });

  it("shows a unit user the units in its scope only", async () => {
    const unit = await signIn(browser, baseUrl, "donvi");
    await unit.page.goto(`/danh-gia?asOf=${AS_OF}`);
    const cards = await cardsOf(unit.page, `asOf=${AS_OF}`);
    const national = await cardsOf(leader.page, `asOf=${AS_OF}`);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThan(national.length);
    const rows = unit.page.getByTestId("scorecard-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(cards.length);
    expect(unit.errors).toEqual([]);
    await unit.context.close();
  });

  it.each(LOCALES)("lists group placeholders apart from units (%s)", async (locale) => {
    // the inter-ministerial appendix leads by "Các bộ, ngành" (unchanged when imported before)
    await giamsat(dataDir, [
      "import",
      path.join(seedsDir, "bcdcp-2026-appendix2-interministerial-tasks.txt"),
    ]);
    const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    await page.goto(`/danh-gia?asOf=${AS_OF}`);
    const all = await allCardsOf(page, `asOf=${AS_OF}`);
    const groups = all.filter((c) => c.group);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.map((g) => g.name)).toContain("Các bộ, ngành");
    const groupRows = page.getByTestId("scorecard-groups").locator("tbody tr");
    await expect.poll(() => groupRows.count()).toBe(groups.length);
    const units = page.getByTestId("scorecard-table");
    for (const g of groups) {
      expect(await units.locator(`tr[data-unit="${g.unitId}"]`).count()).toBe(0);
    }
    await screenshotAndPhone(page, "16-scorecards-groups");
    expect(errors).toEqual([]);
    await context.close();
  });
});
