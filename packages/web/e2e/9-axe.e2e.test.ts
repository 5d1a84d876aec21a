import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pageProblems, violations } from "./support/axe.js";
import { launchBrowser, signIn } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { sendFeedback } from "./support/feedback.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/**
 * Every page of every role passes axe-core's WCAG 2.1 A/AA rules — the Vietnamese
 * browser at 1366 px, the English one at 320 px, where no page may scroll sideways (reflow) —
 * after its data has loaded; each tab of the administration page too. The unit head's sign-off
 * page is audited in 9-signoff-more (reports waiting there), a published plan's public page in
 * 9-public-pages.
 */
describe.each(LOCALES)("axe-core: mọi trang, mọi vai trò (%s)", (locale) => {
  const width = locale === "vi-VN" ? 1366 : 320;
  let browser: Browser;
  let planId = 0;
  let taskId = 0;
  let unitId = 0;
  let indicatorId = 0;
  const unit = `axe-donvi-${locale}`;
  beforeAll(async () => {
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens each path as `username`, waits for its heading and data, and collects violations. */
  async function audit(username: string, paths: string[]) {
    const { page, context } = await signIn(browser, baseUrl, username, width, locale);
    const found: Record<string, string[]> = {};
    for (const p of paths) {
      await page.goto(p);
      await page.locator("main h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      const v = await pageProblems(page);
      if (v.length) found[p] = v;
    }
    await context.close();
    return found;
  }

  it("the leader's pages", async () => {
    const { page, context } = await signIn(browser, baseUrl, "lanhdao", width, locale);
    const plans = (await page.evaluate(async () => (await fetch("/api/plans")).json())) as {
      items: { id: number; number: string | null }[];
    };
    planId = plans.items.find((p) => p.number?.startsWith("596"))!.id;
    const tasks = (await page.evaluate(
      async (id) => (await fetch(`/api/tasks?plan=${id}&limit=1`)).json(),
      planId,
    )) as { items: { id: number; lead: { name: string; orgId: number }[] }[] };
    taskId = tasks.items[0]!.id;
    unitId = tasks.items[0]!.lead[0]!.orgId;
    await addUser(dataDir, unit, "unit_staff", tasks.items[0]!.lead[0]!.name);
    const indicators = (await page.evaluate(
      async (id) => (await fetch(`/api/indicators?plan=${id}&asOf=2026-06-01`)).json(),
      planId,
    )) as { items: { id: number }[] };
    indicatorId = indicators.items[0]!.id;
    await context.close();
    expect(
      await audit("lanhdao", [
        `/?plan=${planId}&asOf=2026-06-01`,
        "/danh-gia?asOf=2026-06-01",
        "/ke-hoach",
        `/ke-hoach/${planId}?asOf=2026-06-01`,
        "/nhiem-vu?status=overdue&asOf=2026-06-01",
        `/nhiem-vu/${taskId}?asOf=2026-06-01`,
        "/chi-tieu",
        `/chi-tieu/${indicatorId}?asOf=2026-06-01`,
        "/bao-cao-dinh-ky",
        "/thong-bao",
        "/mat-khau",
      ]),
    ).toEqual({});
  });

  it("the monitoring department's pages", async () => {
    expect(
      await audit("theodoi", [
        "/duyet",
        "/nhap",
        "/lien-ket",
        "/de-xuat",
        "/chi-tieu/nhap-gia-tri",
      ]),
    ).toEqual({});
  });

  it("a unit's pages", async () => {
    expect(
      await audit(unit, [
        "/don-vi",
        `/nhiem-vu/${taskId}`,
        `/nhiem-vu/${taskId}/bao-cao`,
        "/de-xuat",
        `/chi-tieu/${indicatorId}`,
      ]),
    ).toEqual({});
  });

  it("the administrator's page, each of its tabs", async () => {
    const { page, context } = await signIn(browser, baseUrl, "quantri", width, locale);
    await page.goto("/quan-tri");
    await page.getByRole("tab").first().waitFor();
    const found: Record<string, string[]> = {};
    const tabs = await page.getByRole("tab").allTextContents();
    expect(tabs).toHaveLength(7);
    for (const tab of tabs) {
      await page.getByRole("tab", { name: tab }).click();
      await page.waitForLoadState("networkidle");
      const v = await pageProblems(page);
      if (v.length) found[tab] = v;
    }
    await context.close();
    expect(found).toEqual({});
  });

  it("the feedback pages: the visitor's form and tracking page, the handling list and item, the unit's answer page", async () => {
    const { code } = await sendFeedback(baseUrl, {
      title: `Góp ý kiểm tra trợ năng ${locale}`,
      email: "axe@example.vn",
    });
    const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const visitor = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const p of ["/gop-y", `/gop-y/${code}`, "/cong-khai"]) {
      await visitor.goto(`${baseUrl}${p}`);
      await visitor.locator("main h1").first().waitFor();
      await visitor.waitForLoadState("networkidle");
      const v = await pageProblems(visitor);
      if (v.length) found[p] = v;
    }
    await context.close();
    expect(found).toEqual({});
    const monitor = await signIn(browser, baseUrl, "theodoi", width, locale);
    const queue = (await monitor.page.evaluate(async () =>
      (await fetch("/api/feedback?status=received")).json(),
    )) as { id: number; code: string }[];
    const id = queue.find((f) => f.code === code)!.id;
    expect(await audit("theodoi", ["/xu-ly-gop-y", `/xu-ly-gop-y/${id}`])).toEqual({});
    // routed to the task's lead unit: its staff drafts the answer on the item's page
    const routed = await monitor.page.evaluate(
      async ({ id, unitId }) => {
        const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
        const res = await fetch(`/api/feedback/${id}/route`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({ unitId }),
        });
        return res.status;
      },
      { id, unitId },
    );
    expect(routed).toBe(200);
    await monitor.context.close();
    expect(await audit(unit, ["/xu-ly-gop-y", `/xu-ly-gop-y/${id}`])).toEqual({});
  });

  it("the sign-in page", async () => {
    const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.locator("main h1, h1").first().waitFor();
    expect(await pageProblems(page)).toEqual([]);
    // the check can fail: an image without a text alternative planted in the page is found
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "/favicon.svg";
      document.querySelector("main, body")!.append(img);
    });
    expect((await violations(page)).some((v) => v.startsWith("image-alt"))).toBe(true);
    // and at 320 px, a box wider than the window is found
    if (width === 320) {
      await page.evaluate(() => {
        const wide = document.createElement("div");
        wide.style.width = "400px";
        wide.textContent = "rộng";
        document.querySelector("main, body")!.append(wide);
      });
      expect(await pageProblems(page)).toContain("reflow: the page scrolls sideways by 80 px");
    }
    await context.close();
  });
});
