import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { LOCALES } from "./support/locales.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

const CONCLUSION = readFileSync(
  new URL("../../core/src/import/fixtures/thong-bao-ket-luan.txt", import.meta.url),
  "utf8",
);

/**
 * A meeting conclusion with no task table. The import page shows each task
 * read from a sentence beside its sentence; saving waits for a tick; only the ticked tasks are
 * stored.
 */
describe.each(LOCALES)("nhập kết luận không có bảng nhiệm vụ (%s)", (locale) => {
  let browser: Browser;
  // a number of its own per run, so that each run stores a new plan
  const number = locale === "vi-VN" ? "215/TB-VPCP" : "216/TB-VPCP";
  const file = path.join(dataDir, `ket-luan-${locale}.txt`);
  beforeAll(async () => {
    writeFileSync(file, CONCLUSION.replace("215/TB-VPCP", number));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("stores only the tasks the monitoring department confirmed", async () => {
    const width = locale === "vi-VN" ? 1366 : 390;
    const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", width, locale);
    await page.goto("/nhap");
    await page.getByLabel(/Văn bản kế hoạch/).setInputFiles(file);
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    const proposals = page.getByTestId("prose-confirm");
    await proposals.waitFor();
    const boxes = proposals.getByRole("checkbox");
    expect(await boxes.count()).toBe(3);
    expect(await proposals.locator("blockquote").first().textContent()).toMatch(
      /^Giao Bộ Khoa học và Công nghệ chủ trì/,
    );
    const save = page.getByRole("button", { name: "Lưu kế hoạch" });
    expect(await save.isDisabled()).toBe(true);
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    expect(await proposals.locator("legend").textContent()).toContain("(2/3)");
    await screenshot(page, "nhap-ket-luan");
    await save.click();
    const stored = page.getByTestId("import-stored");
    await stored.waitFor();
    expect(await stored.textContent()).toMatch(/^Đã lưu kế hoạch mới: 2 nhiệm vụ/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
