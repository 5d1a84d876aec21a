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

type Side = { id: number; number: string | null; name: string; planNumber: string | null };
type Link = { id: number; from: Side; to: Side };

/** A confirmed "restates" link (confirming the first proposal when none is confirmed yet). */
const confirmedLink = (page: Page) =>
  page.evaluate(async () => {
    const links = async (state: string) =>
      ((await (await fetch(`/api/links?state=${state}&limit=1`)).json()) as { items: Link[] })
        .items;
    const [done] = await links("confirmed");
    if (done) return done;
    const [first] = await links("proposed");
    const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
    await fetch(`/api/links/${first!.id}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
      body: JSON.stringify({ decision: "confirm" }),
    });
    return first!;
  });

/**
 * On the national task list, a task confirmed as restating another is shown
 * once — on the row of the task it restates, whose "Kế hoạch" cell names both plans.
 */
describe.each(LOCALES)("nhiệm vụ trùng giữa các kế hoạch hiện một lần (%s)", (locale) => {
  let browser: Browser;
  beforeAll(async () => {
    for (const seed of [
      "bcdcp-2026-appendix2-interministerial-tasks.txt",
      "qd596-bct-2026-nq57-plan.txt",
    ])
      await giamsat(dataDir, ["import", path.join(seedsDir, seed)]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the restated work once with both plans", async () => {
    const { page, errors } = await signIn(browser, baseUrl, "theodoi", 1366, locale);
    const link = await confirmedLink(page);
    const words = link.to.name.split(/\s+/).slice(0, 6).join(" ");
    await page.goto(`/nhiem-vu?asOf=${AS_OF}&q=${encodeURIComponent(words)}`);
    const table = page.getByTestId("task-table");
    const kept = table
      .locator("tbody tr")
      .filter({ has: page.locator(`a[href^="/nhiem-vu/${link.to.id}"]`) });
    await kept.waitFor();
    const plans = await kept.locator('td[data-label="Kế hoạch"]').textContent();
    expect(plans).toContain("; ");
    if (link.from.planNumber) expect(plans).toContain(link.from.planNumber);
    if (link.from.number) expect(plans).toContain(`(nhiệm vụ ${link.from.number})`);
    await screenshot(page, "22-restated-once");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "22-restated-once");
    // the restating task is not a row of its own, even when searched by its name
    const own = link.from.name.split(/\s+/).slice(0, 6).join(" ");
    const listed = page.waitForResponse((r) => r.url().includes(`/api/tasks?`) && r.ok());
    await page.goto(`/nhiem-vu?asOf=${AS_OF}&q=${encodeURIComponent(own)}`);
    const ids = ((await (await listed).json()) as { items: { id: number }[] }).items.map(
      (t) => t.id,
    );
    expect(ids).not.toContain(link.from.id);
    // …while its own plan's list still shows it
    const planId = await page.evaluate(
      async (id) => ((await (await fetch(`/api/tasks/${id}`)).json()) as { planId: number }).planId,
      link.from.id,
    );
    await page.goto(`/ke-hoach/${planId}?asOf=${AS_OF}&q=${encodeURIComponent(own)}`);
    await table.locator(`a[href^="/nhiem-vu/${link.from.id}"]`).first().waitFor();
    expect(errors).toEqual([]);
  });
});
