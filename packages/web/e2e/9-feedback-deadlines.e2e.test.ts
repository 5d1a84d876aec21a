import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { LOCALES } from "./support/locales.js";

const baseUrl = inject("baseUrl");

/**
 * In a Vietnamese and an English browser, at 1366 and 390 px: the administrator sets the
 * answer deadline of recommendations (kiến nghị) to 10 working days on the PAKN tab; a value out
 * of range is refused on its field; the monitoring department reads the new setting.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "hạn trả lời góp ý theo loại ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("the administrator sets a kind's answer days; the monitoring department reads them", async () => {
      const admin = await signIn(browser, baseUrl, "quantri", 1366, locale);
      const { page, errors } = admin;
      await page.goto("/quan-tri");
      await page.getByRole("tab", { name: "Lĩnh vực góp ý" }).click();
      const form = page.getByRole("form", { name: "Hạn trả lời góp ý theo loại" });
      const days = form.getByLabel(/^Kiến nghị \(ngày làm việc/);
      // the browser's own range check first, then the server's message beside the field
      await days.fill("0");
      await form.getByRole("button", { name: "Lưu hạn trả lời" }).click();
      expect(await days.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
      const wanted = String(10 + round);
      await days.fill(wanted);
      await form.getByLabel("Lý do thay đổi (không bắt buộc)").fill("Theo quy chế tiếp nhận");
      await form.getByRole("button", { name: "Lưu hạn trả lời" }).click();
      await form.getByText("Đã lưu hạn trả lời góp ý theo loại.").waitFor();
      await form.getByLabel(`Kiến nghị (ngày làm việc; mặc định 15)`).waitFor();
      expect(await days.inputValue()).toBe(wanted);
      await screenshot(page, "25-feedback-deadlines");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "25-feedback-deadlines");
      expect(errors).toEqual([]);
      await admin.context.close();

      const monitor = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      const listed = (await monitor.page.evaluate(async () =>
        (await fetch("/api/feedback-deadlines")).json(),
      )) as { kind: string; days: number }[];
      expect(listed.find((k) => k.kind === "kien_nghi")?.days).toBe(Number(wanted));
      expect(listed.find((k) => k.kind === "phan_anh")?.days).toBe(15);
      await monitor.context.close();
    });
  },
);
