import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { giamsat, PASSWORD } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/** The login form filled in a fresh context (the account's password is not the test one). */
async function tryLogin(browser: Browser, locale: string, username: string, password: string) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  return { context, page };
}

const row = (page: Page, username: string) =>
  page.locator("tbody tr").filter({ has: page.getByRole("cell", { name: username, exact: true }) });

/**
 * Accounts day to day: the administrator finds a user without diacritics, changes the role only
 * after confirming it and moves the user to another unit, resets the password (shown once); the
 * user changes it; a locked user is told the account is locked.
 */
describe.each(LOCALES)("tài khoản: tìm, đổi vai trò và đơn vị, mật khẩu, khoá (%s)", (locale) => {
  let browser: Browser;
  beforeAll(async () => {
    // the directory is stored with the first plan (unchanged when an earlier file imported it)
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const username = `ntmai-${locale.toLowerCase()}`;
  let resetTo = "";

  it("the administrator finds a user, confirms a new role, moves the unit and resets the password", async () => {
    const admin = await signIn(browser, baseUrl, "quantri", 1366, locale);
    const { page, errors } = admin;
    await page.goto("/quan-tri");
    await page.getByRole("tab", { name: "Người dùng và vai trò" }).click();
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Họ và tên").fill(`Nguyễn Thị Mai ${locale}`);
    await page.getByLabel("Mật khẩu ban đầu").fill(PASSWORD);
    await page.locator("#u-org").pressSequentially("cuc dien luc");
    await page.getByRole("option", { name: "Cục Điện lực — Bộ Công Thương" }).click();
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.getByText(`Đã tạo tài khoản ${username}.`).waitFor();

    await page.getByLabel("Tìm người dùng").fill(`nguyen thi mai ${locale.toLowerCase()}`);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await page.getByRole("button", { name: `Sửa ${username}` }).click();
    await page.locator("#e-role").selectOption("admin");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      "từ “Chuyên viên đơn vị” thành “Quản trị hệ thống”",
    );
    await screenshot(page, "19-role-confirm");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "19-role-confirm");
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole("button", { name: "Giữ vai trò cũ" }).click();
    await page.getByRole("button", { name: "Đóng" }).click();
    expect(await row(page, username).textContent()).toContain("Chuyên viên đơn vị");

    await page.getByRole("button", { name: `Sửa ${username}` }).click();
    await page.locator("#e-role").selectOption("unit_head");
    const unit = page.locator("#e-org");
    await expect.poll(() => unit.inputValue()).toBe("Cục Điện lực — Bộ Công Thương");
    await unit.click();
    await page.keyboard.type("vu phap che cong thuong");
    await page.getByRole("option", { name: "Vụ Pháp chế — Bộ Công Thương" }).click();
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByRole("button", { name: "Xác nhận đổi vai trò" }).click();
    await page.getByText(`Đã lưu tài khoản ${username}.`).waitFor();
    // the message shows before the list is read again: wait for the row to change
    await expect.poll(() => row(page, username).textContent()).toContain("Lãnh đạo đơn vị");
    expect(await row(page, username).textContent()).toContain("Vụ Pháp chế");

    await page.getByRole("button", { name: `Sửa ${username}` }).click();
    await page.getByRole("button", { name: "Đặt lại mật khẩu…" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Đặt lại mật khẩu" }).click();
    resetTo = (await page.getByTestId("new-password").textContent()) ?? "";
    expect(resetTo.length).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
    await admin.context.close();
  });

  it("the user signs in with the reset password and changes it", async () => {
    const { context, page } = await tryLogin(browser, locale, username, resetTo);
    await page.getByTestId("current-user").click();
    await page.getByRole("heading", { name: "Đổi mật khẩu" }).waitFor();
    await page.getByLabel("Mật khẩu hiện tại").fill("khong-dung-mat-khau");
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("Mai-mat-khau-2026");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("Mai-mat-khau-2026");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await page.getByText("mật khẩu hiện tại không đúng").waitFor();
    await page.getByLabel("Mật khẩu hiện tại").fill(resetTo);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await page.getByText("Đã đổi mật khẩu.").waitFor();
    await screenshot(page, "19-own-password");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "19-own-password");
    await context.close();
  });

  it("a locked user is told the account is locked", async () => {
    const admin = await signIn(browser, baseUrl, "quantri", 1366, locale);
    await admin.page.goto("/quan-tri");
    await admin.page.getByRole("tab", { name: "Người dùng và vai trò" }).click();
    await admin.page.getByRole("button", { name: `Khoá ${username}` }).click();
    await admin.page.getByText(`Đã khoá tài khoản ${username}.`).waitFor();
    await admin.context.close();
    const { context, page } = await tryLogin(browser, locale, username, "Mai-mat-khau-2026");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Tài khoản này đã bị khoá");
    await screenshot(page, "19-login-locked");
    await context.close();
  });
});
