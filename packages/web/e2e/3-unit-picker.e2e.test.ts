import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { giamsat, PASSWORD } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/** The option the combobox marks active (aria-activedescendant), as its text. */
const activeOption = (page: Page, combobox: string) =>
  page.evaluate((id) => {
    const input = document.getElementById(id);
    const active = input?.getAttribute("aria-activedescendant");
    return active ? (document.getElementById(active)?.textContent ?? null) : null;
  }, combobox);

/**
 * One unit picker everywhere a unit is chosen: type-ahead over the whole directory without
 * diacritics, each entry with its parent, chosen with the keyboard — a ministry's department
 * the old list (first 100 entries) never offered, a province's department for the dashboard.
 */
describe.each(LOCALES)("chọn đơn vị trong toàn bộ danh mục (%s)", (locale) => {
  let browser: Browser;
  beforeAll(async () => {
    // the directory is stored with the first plan (unchanged when an earlier file imported it)
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the administrator creates a user in a ministry's department picked with the keyboard", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "quantri", 1366, locale);
    await page.goto("/quan-tri");
    await page.getByRole("tab", { name: "Người dùng và vai trò" }).click();
    const username = `dienluc-${locale}`;
    // the list above has its own unit filter: the picker is the one in the new-account form
    const form = page.getByRole("form", { name: "Tạo tài khoản" });
    await form.getByLabel("Tên đăng nhập").fill(username);
    await form.getByLabel("Họ và tên").fill("Chuyên viên Cục Điện lực");
    await form.getByLabel("Mật khẩu ban đầu").fill(PASSWORD);
    const unit = form.getByRole("combobox", { name: /^Đơn vị/ });
    await unit.pressSequentially("cuc dien luc");
    const option = page.getByRole("option", { name: "Cục Điện lực — Bộ Công Thương" });
    await option.waitFor();
    expect(await unit.getAttribute("aria-expanded")).toBe("true");
    await unit.press("ArrowDown");
    expect(await activeOption(page, "u-org")).toBe("Cục Điện lực — Bộ Công Thương");
    await screenshot(page, "18-unit-picker-open");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "18-unit-picker-open");
    await page.setViewportSize({ width: 1366, height: 900 });
    await unit.press("Enter");
    expect(await unit.getAttribute("aria-expanded")).toBe("false");
    expect(await unit.inputValue()).toBe("Cục Điện lực — Bộ Công Thương");
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.getByText(`Đã tạo tài khoản ${username}.`).waitFor();
    const row = page.locator("tbody tr").filter({ hasText: username });
    expect(await row.textContent()).toContain("Cục Điện lực");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the dashboard filters by a province's department found by words of its parent", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    await page.goto("/");
    const lead = page.getByRole("combobox", { name: "Đơn vị chủ trì" });
    await lead.pressSequentially("so cong thuong khanh hoa");
    const entries = page.locator("#f-lead-list").getByRole("option");
    const option = entries.filter({ hasText: "Sở Công Thương — Ủy ban nhân dân tỉnh Khánh Hòa" });
    await option.waitFor();
    await expect.poll(() => entries.count()).toBe(1);
    await option.click();
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/lead=\d+/);
    await page.reload();
    await expect
      .poll(() => page.getByRole("combobox", { name: "Đơn vị chủ trì" }).inputValue())
      .toBe("Sở Công Thương — Ủy ban nhân dân tỉnh Khánh Hòa");

    await lead.fill("khong co don vi nao nhu the");
    await page.getByText("Không tìm thấy đơn vị.").waitFor();
    await lead.press("Escape");
    await expect
      .poll(() => lead.inputValue())
      .toBe("Sở Công Thương — Ủy ban nhân dân tỉnh Khánh Hòa");
    await page.getByRole("button", { name: /^Bỏ chọn/ }).click();
    await page.getByRole("button", { name: "Xem" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("lead")).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
