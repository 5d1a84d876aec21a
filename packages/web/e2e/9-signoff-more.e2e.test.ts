import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pageProblems } from "./support/axe.js";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { plan596Tasks } from "./support/flows.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type TaskItem = { id: number; lead: { name: string; orgId: number | null }[] };

/** A JSON write through the signed-in page (its session and CSRF token); the status. */
function send(page: Page, method: string, url: string, body: object): Promise<number> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify(body),
      });
      return res.status;
    },
    { method, url, body },
  );
}

/** The months of 2025 and 2027: plan 596's years ± 1, none of them the current one. */
const MONTHS = [2025, 2027].flatMap((y) =>
  Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, "0")}`),
);
const WAITING = 56;

/**
 * In a Vietnamese and an English browser: a unit whose reports wait for its head has more than
 * a page (50) of them; "Chờ ký duyệt" shows the total, the first 50, and "Xem thêm" brings the
 * rest, the first of them taking the keyboard. The unit head's pages, with the reports waiting,
 * pass axe-core's WCAG 2.1 A/AA rules at 1366 and 320 px (the other roles' pages: 9-axe).
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "chờ ký duyệt: nhiều hơn một trang ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    let admin: UserPage;
    let head: UserPage;
    let unit: { name: string; orgId: number };
    let sent = 0;

    beforeAll(async () => {
      await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
      browser = await launchBrowser();
      admin = await signIn(browser, baseUrl, "quantri", 1366, locale);
      // a unit leading at least three tasks, its own per round (from the end of the list)
      const tasks = await plan596Tasks<TaskItem>(admin.page, "&kind=time-bound");
      const byUnit = new Map<number, TaskItem[]>();
      for (const t of tasks) {
        const orgId = t.lead[0]?.orgId;
        if (orgId) byUnit.set(orgId, [...(byUnit.get(orgId) ?? []), t]);
      }
      const units = [...byUnit.entries()].filter(([, ts]) => ts.length >= 3);
      const [orgId, led] = units[units.length - 1 - round]!;
      unit = { name: led[0]!.lead[0]!.name, orgId };
      expect(
        await send(admin.page, "PUT", `/api/organisations/${orgId}/signoff`, {
          signoffRequired: true,
        }),
      ).toBe(200);
      await addUser(dataDir, `nhieu-cb-${round}`, "unit_staff", unit.name);
      await addUser(dataDir, `nhieu-ld-${round}`, "unit_head", unit.name);
      const staff = await signIn(browser, baseUrl, `nhieu-cb-${round}`, 1366, locale);
      // 56 reports of three tasks, one per task and month, each waiting for the head
      const slots = led.slice(0, 3).flatMap((t) => MONTHS.map((period) => ({ t, period })));
      for (const { t, period } of slots.slice(0, WAITING)) {
        const status = await send(staff.page, "POST", `/api/tasks/${t.id}/reports`, {
          period,
          state: "in_progress",
          progress: 20,
          summary: `Báo cáo kỳ ${period} chờ ký duyệt (${locale})`,
        });
        if (status === 201) sent += 1;
      }
      await staff.context.close();
      head = await signIn(browser, baseUrl, `nhieu-ld-${round}`, 1366, locale);
    });
    afterAll(async () => {
      // later files send reports as other units' staff: leave no unit waiting for a head
      if (admin && unit)
        await send(admin.page, "PUT", `/api/organisations/${unit.orgId}/signoff`, {
          signoffRequired: false,
        });
      await browser?.close();
    });

    it("shows the total and 50 reports, and 'Xem thêm' brings the rest with the keyboard on the first", async () => {
      expect(sent).toBe(WAITING);
      const { page, errors } = head;
      await page.goto("/ky-duyet");
      await page
        .getByTestId("signoff-count")
        .getByText(new RegExp(`^.* · ${sent} báo cáo của cán bộ chờ ký duyệt, cũ nhất trước`))
        .waitFor();
      const cards = page.getByRole("article").filter({ hasText: "chờ ký duyệt (" });
      await expect.poll(() => cards.count()).toBe(50);
      const more = page.getByRole("button", { name: `Xem thêm (${sent - 50} báo cáo nữa)` });
      await page.setViewportSize({ width: 390, height: 900 });
      await more.scrollIntoViewIfNeeded();
      await screenshot(page, "24-signoff-more");
      await page.setViewportSize({ width: 1366, height: 900 });
      await more.click();
      await expect.poll(() => cards.count()).toBe(sent);
      await expect(more.count()).resolves.toBe(0);
      // the first report the button brought has the keyboard
      await expect
        .poll(() => cards.nth(50).evaluate((el) => el === document.activeElement))
        .toBe(true);
      await screenshot(page, "24-signoff-more");
      expect(errors).toEqual([]);
    });

    it("the unit head's pages pass axe-core at 1366 and 320 px, without sideways scrolling", async () => {
      const { page } = head;
      const found: Record<string, string[]> = {};
      for (const width of [1366, 320])
        for (const p of ["/ky-duyet", "/don-vi"]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(p);
          await page.locator("main h1").first().waitFor();
          await page.waitForLoadState("networkidle");
          const v = await pageProblems(page);
          if (v.length) found[`${p} ${width}`] = v;
        }
      expect(found).toEqual({});
    });
  },
);
