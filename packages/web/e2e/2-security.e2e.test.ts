import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshotAndPhone, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser } from "./support/cli.js";
import { importThroughPage } from "./support/flows.js";
import { LOCALES } from "./support/locales.js";
import { SCRIPT_TEXT, writeInventedPlan } from "./support/invented-plan.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/** Imported text is shown as text; a unit cannot report on another unit's task. */
describe("an toàn hiển thị và phạm vi đơn vị", () => {
  let browser: Browser;
  let monitor: UserPage;
  let planId = "";
  let taskId = "";
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    monitor = await signIn(browser, baseUrl, "theodoi");
    monitor.page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a task name containing <script> is shown as text and never runs", async () => {
    const { page, errors } = monitor;
    planId = await importThroughPage(page, await writeInventedPlan(dataDir));
    await page.goto(`/ke-hoach/${planId}`);
    const link = page
      .getByTestId("task-table")
      .getByRole("link", { name: /Kiểm tra hiển thị tên có thẻ/ });
    await link.waitFor();
    expect(await link.textContent()).toContain(SCRIPT_TEXT);
    taskId = /\/nhiem-vu\/(\d+)/.exec((await link.getAttribute("href")) ?? "")?.[1] ?? "";
    await link.click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: SCRIPT_TEXT }).waitFor();
    expect(await page.locator("#root script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("a unit user cannot open another unit's report form", async () => {
    await addUser(dataDir, "donvi-vp", "unit_staff", "Văn phòng Bộ");
    const unit = await signIn(browser, baseUrl, "donvi-vp");
    const { page } = unit;
    await page.goto(`/nhiem-vu/${taskId}/bao-cao`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toMatch(
      /không thuộc đơn vị|không thể gửi báo cáo/,
    );
    expect(await page.getByRole("button", { name: "Gửi báo cáo" }).count()).toBe(0);
    const status = await page.evaluate(async (id) => {
      const csrf = /giamsat_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const response = await fetch(`/api/tasks/${id}/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) },
        body: JSON.stringify({
          period: "2026-05",
          state: "in_progress",
          summary: "Thử gửi báo cáo ngoài phạm vi.",
        }),
      });
      return response.status;
    }, taskId);
    expect(status).toBe(403);
    await unit.context.close();
  });

  it.each(LOCALES)(
    "a unit user starts in the unit's inbox and cannot open the review queue, import or administration (%s)",
    async (locale) => {
      const unit = await signIn(browser, baseUrl, "donvi-vp", 1366, locale);
      const { page, errors } = unit;
      await page.waitForURL(/\/don-vi$/);
      await page.getByRole("heading", { name: "Việc của đơn vị" }).waitFor();
      const menu = page.getByRole("navigation", { name: "Điều hướng chính" });
      expect(await menu.getByRole("link").allTextContents()).not.toContain("Duyệt báo cáo");
      for (const [address, title] of [
        ["/duyet", "Duyệt báo cáo"],
        ["/nhap", "Nhập kế hoạch"],
        ["/quan-tri", "Quản trị"],
      ] as const) {
        await page.goto(address);
        await page.getByTestId("forbidden").waitFor();
        expect(await page.getByTestId("forbidden").textContent()).toContain(`“${title}”`);
        expect(
          await page.getByRole("button", { name: /Chấp nhận|Trả lại|Đọc văn bản/ }).count(),
        ).toBe(0);
      }
      await screenshotAndPhone(page, "20-forbidden");
      await page.getByRole("link", { name: "Tổng quan" }).click();
      await page.waitForURL(/\/tong-quan$/);
      await page.getByTestId("status-counts").waitFor();
      expect(errors).toEqual([]);
      await unit.context.close();
    },
  );
});
