import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, screenshotAndPhone, signIn } from "./support/browser.js";
import { addUser } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
/** A monitoring department with a long name, shown in the header beside the menu. */
const LONG_UNIT = "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công";

const getJson = <T>(page: Page, url: string) =>
  page.evaluate(
    async (u) => (await fetch(u, { credentials: "same-origin" })).json(),
    url,
  ) as Promise<T>;

/** Characters that need a colour-emoji font (absent on many machines, shown as empty boxes). */
const pictographs = (page: Page) =>
  page.evaluate(() => document.body.innerText.match(/\p{Extended_Pictographic}/gu) ?? []);

/**
 * Date fields show and accept dd/mm/yyyy, validation messages and file buttons are Vietnamese,
 * icons need no emoji font, and the monitoring department's menu fits one line — in a Vietnamese
 * and an English browser alike.
 */
describe.each(LOCALES)("ngày dd/mm/yyyy, thông báo và nút tiếng Việt (%s)", (locale) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the dashboard's date reads typed days day first and writes them into the URL", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    await page.goto("/?asOf=2026-06-01");
    const asOf = page.getByLabel("Tính đến ngày");
    expect(await asOf.inputValue()).toBe("01/06/2026");
    await asOf.fill("");
    await asOf.pressSequentially("05062026");
    await asOf.blur();
    expect(await asOf.inputValue()).toBe("05/06/2026");
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/asOf=2026-06-05/);
    await page.getByText("tính đến ngày 05/06/2026").waitFor();

    await page.getByLabel("Tính đến ngày").fill("31/02/2026");
    await page.getByRole("button", { name: "Xem" }).click();
    expect(
      await page
        .getByLabel("Tính đến ngày")
        .evaluate((el: HTMLInputElement) => el.validationMessage),
    ).toContain("không phải là ngày hợp lệ");
    expect(new URL(page.url()).searchParams.get("asOf")).toBe("2026-06-05");
    await screenshotAndPhone(page, "17-date-invalid");
    expect(await pictographs(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the plan page's date applies 1/6/2026 as 1 June on Enter", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    const plans = await getJson<{ items: { id: number; number: string | null }[] }>(
      page,
      "/api/plans",
    );
    const plan = plans.items.find((p) => p.number?.startsWith("596"));
    await page.goto(`/ke-hoach/${plan?.id}?asOf=2026-07-01`);
    const asOf = page.getByLabel("Tính đến ngày");
    expect(await asOf.inputValue()).toBe("01/07/2026");
    await asOf.fill("1/6/2026");
    await asOf.press("Enter");
    await page.waitForURL(/asOf=2026-06-01/);
    expect(await asOf.inputValue()).toBe("01/06/2026");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a unit's forms speak Vietnamese: required fields, wrong dates, icons", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "donvi", 1366, locale);
    const tasks = (
      await getJson<{ items: { task: { id: number } }[] }>(page, "/api/inbox")
    ).items.map((i) => i.task);
    await page.goto(`/nhiem-vu/${tasks[0]?.id}`);
    await page.getByRole("button", { name: "Đề xuất điều chỉnh" }).click();
    await page.getByLabel("Gia hạn").check();
    await page.getByLabel("Thời hạn mới").fill("12/31/2026");
    await page.getByRole("button", { name: "Gửi đề xuất" }).click();
    const message = (label: string) =>
      page
        .getByLabel(label)
        .evaluate((el: HTMLInputElement | HTMLTextAreaElement) => el.validationMessage);
    expect(await message("Thời hạn mới")).toBe(
      "“12/31/2026” không phải là ngày hợp lệ: nhập dd/mm/yyyy, ví dụ 01/06/2026.",
    );
    expect(await message("Lý do đề xuất (bắt buộc)")).toBe("Vui lòng điền trường này.");
    await page.getByText("không phải là ngày hợp lệ").waitFor();
    await screenshot(page, "18-change-form-invalid");
    await page.getByRole("button", { name: "Huỷ bỏ" }).click();
    expect(await pictographs(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the import page's file button and the monitor's one-line menu", async () => {
    const username = `theodoi-cuc-${locale}`;
    await addUser(dataDir, username, "monitor", LONG_UNIT);
    const { page, errors, context } = await signIn(browser, baseUrl, username, 1366, locale);
    await page.goto("/nhap");
    await page.getByText("Chưa chọn tệp").waitFor();
    await page.getByRole("button", { name: "Đọc văn bản" }).waitFor();
    await screenshot(page, "19-import-empty");
    const tops = await page
      .locator(".header-bar > *, .main-nav a")
      .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
    const header = await page.locator(".app-header").evaluate((el) => el.clientHeight);
    expect(header).toBeLessThan(70);
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(20);
    expect(errors).toEqual([]);
    await context.close();
  });
});
