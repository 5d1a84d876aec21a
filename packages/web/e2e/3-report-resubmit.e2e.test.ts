import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser } from "./support/cli.js";
import { plan596Tasks } from "./support/flows.js";
import { LOCALES } from "./support/locales.js";
import { solidPng } from "./support/png.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type TaskItem = { id: number; number: string; lead: { name: string; orgId: number | null }[] };

/**
 * In a Vietnamese and an English browser: what a unit types is saved on the
 * server as a draft and comes back after a reload; a report sent twice for one period is refused
 * with the pending report named; a returned report is sent again from a form that opens with its
 * text, its files and the reason it was returned.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "báo cáo: nháp, gửi trùng, gửi lại sau khi bị trả lại ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    let monitor: UserPage;
    let unit: UserPage;
    let task: TaskItem;

    beforeAll(async () => {
      browser = await launchBrowser();
      monitor = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      // a time-bound task of plan 596 led by a resolved unit, a different one in each round
      const tasks = await plan596Tasks<TaskItem>(monitor.page, "&kind=time-bound");
      const candidates = tasks.filter((t) => t.lead[0]?.orgId);
      task = candidates[candidates.length - 1 - round]!;
      const username = `donvi-nhap-${round}`;
      await addUser(dataDir, username, "unit_staff", task.lead[0]!.name);
      unit = await signIn(browser, baseUrl, username, 1366, locale);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("keeps what the unit typed as a server draft across a reload", async () => {
      const { page } = unit;
      await page.goto(`/nhiem-vu/${task.id}/bao-cao`);
      await page.getByLabel("Kết quả thực hiện").fill("Đã họp với các Vụ, dự thảo lần 1.");
      await page.getByLabel("Khó khăn, vướng mắc").fill("Chờ ý kiến Bộ Tư pháp");
      await page.getByText(/Đã lưu nháp lúc/).waitFor();
      await page.reload();
      await page.getByText(/Đã mở lại bản nháp lưu lúc/).waitFor();
      expect(await page.getByLabel("Kết quả thực hiện").inputValue()).toBe(
        "Đã họp với các Vụ, dự thảo lần 1.",
      );
      expect(await page.getByLabel("Khó khăn, vướng mắc").inputValue()).toBe(
        "Chờ ý kiến Bộ Tư pháp",
      );
      expect(unit.errors).toEqual([]);
    });

    it("sends it with a file; a second report for the period is refused, naming the first", async () => {
      const { page } = unit;
      const file = path.join(dataDir, `du-thao-${round}.png`);
      writeFileSync(file, solidPng(200, 120, [30, 120, 60]));
      await page.locator("#evidence-files").setInputFiles(file);
      await page.getByRole("button", { name: "Gửi báo cáo" }).click();
      await page.waitForURL(new RegExp(`/nhiem-vu/${task.id}\\?`));
      // the same period sent again through the API (a second tab, an old form): 409 in Vietnamese
      const again = await page.evaluate(async (id) => {
        const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
        const res = await fetch(`/api/tasks/${id}/reports`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({ state: "in_progress", summary: "Gửi lần hai" }),
        });
        return { status: res.status, body: (await res.json()) as { message: string } };
      }, task.id);
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/đã có báo cáo số \d+ \(Tháng \d+\/\d{4}\)/);
      expect(again.body.message).toContain("đang chờ duyệt");
      // the browser logs the refused request itself; nothing else may have gone wrong
      unit.errors.splice(
        0,
        unit.errors.length,
        ...unit.errors.filter((e) => !/status of 409/.test(e)),
      );
    });

    it("the returned report is sent again from a form holding its text, files and reason", async () => {
      const { page: review } = monitor;
      await review.goto("/duyet");
      const current = review.getByTestId("review-current");
      await current.waitFor();
      // the queue may hold other reports, of this unit too (earlier files): pick this task's
      await queueItem(review, task).click();
      await current.getByText("Đã họp với các Vụ, dự thảo lần 1.").waitFor();
      await review.getByLabel("Nhận xét (bắt buộc khi trả lại)").fill("Thiếu biên bản họp");
      await current.getByRole("button", { name: "Trả lại" }).click();
      await review.getByText(/Đã trả lại báo cáo số/).waitFor();

      const { page } = unit;
      await page.goto(`/nhiem-vu/${task.id}/bao-cao`);
      await page.getByRole("heading", { name: "Gửi lại báo cáo" }).waitFor();
      await page.getByText("Lý do trả lại: Thiếu biên bản họp").waitFor();
      expect(await page.getByLabel("Kết quả thực hiện").inputValue()).toBe(
        "Đã họp với các Vụ, dự thảo lần 1.",
      );
      const kept = page.getByTestId("kept-files").getByLabel(`du-thao-${round}.png`);
      expect(await kept.isChecked()).toBe(true);
      await screenshot(page, "report-resubmit");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "report-resubmit");
      await page.setViewportSize({ width: 1366, height: 900 });
      await page
        .getByLabel("Văn bản minh chứng", { exact: false })
        .fill("Biên bản họp ngày 05/11/2026");
      await page.getByRole("button", { name: "Gửi lại báo cáo" }).click();
      await page.waitForURL(new RegExp(`/nhiem-vu/${task.id}\\?`));

      await review.goto("/duyet");
      await queueItem(review, task).click();
      await current.getByText(/sửa đổi báo cáo số \d+/).waitFor();
      await current.getByRole("link", { name: new RegExp(`du-thao-${round}\\.png`) }).waitFor();
      // filtered to time-bound tasks the correction stays; to recurring ones it goes
      await review.getByLabel("Loại nhiệm vụ").selectOption("time-bound");
      await current.getByText(/sửa đổi báo cáo số \d+/).waitFor();
      await screenshot(review, "review-correction");
      await review.getByLabel("Loại nhiệm vụ").selectOption("recurring");
      await expect
        .poll(() => review.getByText(new RegExp(`du-thao-${round}\\.png`)).count())
        .toBe(0);
      expect(unit.errors).toEqual([]);
      expect(monitor.errors).toEqual([]);
    });
  },
);

/** The task's own item in the review queue (its number and unit), not another of its unit's. */
function queueItem(review: Page, task: TaskItem) {
  return review
    .getByRole("list", { name: "Báo cáo chờ duyệt" })
    .getByRole("button")
    .filter({ hasText: `NV ${task.number} — ${task.lead[0]!.name}` })
    .first();
}
