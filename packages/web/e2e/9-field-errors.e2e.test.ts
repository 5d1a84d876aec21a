import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { sendFeedback } from "./support/feedback.js";
import { focusedId } from "./support/keyboard.js";
import { LOCALES } from "./support/locales.js";
import { getJson } from "./support/plan-tasks.js";

const baseUrl = inject("baseUrl");

/** expect.poll with room for a loaded machine. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

/** The focused summary's text once it has the keyboard. */
async function focusedSummary(page: Page): Promise<string> {
  await poll(() => focusedId(page)).toBe("error-summary");
  return (await page.getByTestId("error-summary").textContent()) ?? "";
}

/**
 * WCAG 3.3.1 on the forms converted last (in a Vietnamese and an English browser, 1366 and
 * 390 px): a refusal names the field by its Vietnamese label in a focused summary, marks it
 * `aria-invalid` and puts the message under it — the PAKN handling, the directory, the password.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "lỗi theo trường ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("not accepting a PAKN with a reason of spaces names “Lý do không tiếp nhận”", async () => {
      const width = round === 0 ? 1366 : 390;
      const title = `Thử lỗi theo trường khi không tiếp nhận ${locale}`;
      const { code } = await sendFeedback(baseUrl, { title, email: "thu.loi@example.vn" });
      const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", width, locale);
      const items = await getJson<{ id: number; code: string }[]>(page, "/api/feedback");
      await page.goto(`/xu-ly-gop-y/${items.find((i) => i.code === code)!.id}`);
      const form = page.getByRole("form", { name: "Không tiếp nhận" });
      await form.getByLabel(/^Lý do không tiếp nhận/).fill("   ");
      await form.getByRole("button", { name: "Không tiếp nhận" }).click();
      expect(await focusedSummary(page)).toBe(
        "Chưa gửi được: một mục cần sửaLý do không tiếp nhận: Cần nêu lý do không tiếp nhận.",
      );
      const reason = page.locator("#fb-reject-reason");
      expect(await reason.getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#fb-reject-reason-error").textContent()).toBe(
        "Cần nêu lý do không tiếp nhận.",
      );
      await screenshot(page, "a11y-feedback-reject-errors");
      // the summary's link takes the keyboard to the field
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      expect(await focusedId(page)).toBe("fb-reject-reason");
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await context.close();
    });

    it("the directory names “Tên gọi khác”, the password page “Nhập lại mật khẩu mới”", async () => {
      const width = round === 0 ? 390 : 1366;
      const { page, errors, context } = await signIn(browser, baseUrl, "quantri", width, locale);
      await page.goto("/quan-tri");
      const aliasForm = page.getByRole("form", { name: "Thêm tên gọi khác" });
      await aliasForm.getByLabel("Đơn vị", { exact: true }).pressSequentially("van phong bo");
      await page
        .getByRole("option", { name: /^Văn phòng Bộ/ })
        .first()
        .click();
      // spaces pass the browser's check; the server names "alias", the page its label
      await aliasForm.getByLabel(/^Tên gọi khác/).fill("   ");
      await aliasForm.getByRole("button", { name: "Ghi nhớ tên gọi" }).click();
      expect(await focusedSummary(page)).toBe(
        "Chưa gửi được: một mục cần sửaTên gọi khác: Nhập tên cần ánh xạ",
      );
      expect(await page.locator("#alias-text").getAttribute("aria-invalid")).toBe("true");
      // the other forms of the tab are untouched
      expect(await page.locator("#org-name").getAttribute("aria-invalid")).toBeNull();
      expect(await page.getByTestId("error-summary").count()).toBe(1);
      await screenshot(page, "a11y-directory-errors");

      await page.goto("/mat-khau");
      await page.getByLabel("Mật khẩu hiện tại").fill("Khong-Doi-That-2026!");
      await page.getByLabel("Mật khẩu mới", { exact: true }).fill("Mat-Khau-Moi-2026!");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("Mat-Khau-Khac-2026!");
      await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
      expect(await focusedSummary(page)).toBe(
        "Chưa gửi được: một mục cần sửaNhập lại mật khẩu mới: Hai lần nhập mật khẩu mới không giống nhau.",
      );
      expect(await page.locator("#pw-repeat").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#pw-new").getAttribute("aria-invalid")).toBeNull();
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await context.close();
    });
  },
);
