import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { plan596Tasks } from "./support/flows.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type TaskItem = { id: number; lead: { name: string; orgId: number | null }[] };

/** A JSON write through the signed-in page (its session and CSRF token). */
function send(page: Page, url: string, body: object): Promise<{ status: number; id?: number }> {
  return page.evaluate(
    async ({ url, body }) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, id: ((await res.json()) as { id?: number }).id };
    },
    { url, body },
  );
}

/**
 * In a Vietnamese and an English browser, at 1366 and 390 px: the leader does not approve a
 * unit's proposed extension; the unit opens the task, presses "Gửi lại đề xuất", finds the form
 * filled with what it proposed and the leader's reason, changes the date and the reason and sends
 * it again; the old request stays with its outcome and says which request replaced it.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "gửi lại đề xuất điều chỉnh ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    let unit: UserPage;
    let leader: UserPage;
    let taskId: number;
    let first: number;
    const why = `Chưa nêu văn bản xin ý kiến thẩm định (${locale})`;

    beforeAll(async () => {
      // plan 596 (unchanged when an earlier file imported it)
      await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
      browser = await launchBrowser();
      leader = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
      // a time-bound task of plan 596 with its lead unit resolved, its own per round
      const tasks = (await plan596Tasks<TaskItem>(leader.page, "&kind=time-bound")).filter(
        (t) => t.lead[0]?.orgId,
      );
      const task = tasks[tasks.length - 1 - round]!;
      taskId = task.id;
      await addUser(dataDir, `guilai-${round}`, "unit_staff", task.lead[0]!.name);
      unit = await signIn(browser, baseUrl, `guilai-${round}`, 1366, locale);
      const proposed = await send(unit.page, `/api/tasks/${taskId}/change-requests`, {
        kind: "extend_deadline",
        dueDate: "2027-03-31",
        reason: "Chờ thẩm định",
      });
      expect(proposed.status).toBe(201);
      first = proposed.id!;
      const rejected = await send(leader.page, `/api/change-requests/${first}/decision`, {
        decision: "reject",
        comment: why,
      });
      expect(rejected.status).toBe(200);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("opens the form filled with the request and its reason, and sends it again", async () => {
      const { page, errors } = unit;
      await page.goto(`/nhiem-vu/${taskId}`);
      const list = page.getByTestId("change-requests");
      await list.getByRole("button", { name: `Gửi lại đề xuất số ${first}` }).click();
      const form = page.getByRole("form", { name: `Gửi lại đề xuất số ${first}` });
      await form.waitFor();
      // the keyboard is on the form's heading
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("cr-title");
      expect(await form.getByTestId("cr-returned-reason").textContent()).toContain(why);
      expect(await form.getByLabel("Gia hạn").isChecked()).toBe(true);
      expect(await form.getByLabel("Thời hạn mới").inputValue()).toBe("31/03/2027");
      expect(await form.getByLabel("Lý do đề xuất (bắt buộc)").inputValue()).toBe("Chờ thẩm định");
      await screenshot(page, "24-change-resubmit-form");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "24-change-resubmit-form");
      await page.setViewportSize({ width: 1366, height: 900 });

      await form.getByLabel("Thời hạn mới").fill("30/06/2027");
      await form
        .getByLabel("Lý do đề xuất (bắt buộc)")
        .fill("Chờ thẩm định theo Công văn số 12/BTP-PC của Bộ Tư pháp.");
      await form.getByRole("button", { name: "Gửi lại đề xuất" }).click();
      const again = list.locator("li").filter({ hasText: `Gửi lại đề xuất số ${first}.` });
      await again.waitFor();
      expect(await again.textContent()).toContain("Gia hạn đến 30/06/2027");
      expect(await again.textContent()).toContain("Chờ lãnh đạo quyết định");
      const old = list.locator("li").filter({ hasText: why });
      expect(await old.textContent()).toContain("Đã gửi lại thành đề xuất số");
      expect(await old.getByRole("button", { name: /Gửi lại đề xuất/ }).count()).toBe(0);
      await screenshot(page, "24-change-resubmitted");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "24-change-resubmitted");
      expect(errors).toEqual([]);
    });
  },
);
