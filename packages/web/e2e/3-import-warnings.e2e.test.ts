import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeXlsx } from "../../core/src/office/xlsx.writer.js";
import { blocksToXlsx } from "../../core/src/import/fixtures/office.from-blocks.js";
import { readTextBlocks } from "../../core/src/import/readers/text.reader.js";
import { launchBrowser, screenshot, screenshotAndPhone, signIn } from "./support/browser.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/**
 * In a Vietnamese and an English browser: the import preview groups its
 * warnings by what they mean (a heading and what to do, no codes); a workbook's warnings and
 * unknown units are placed as "Phụ lục II, nhiệm vụ 3", not by a row number of one sheet,
 * while the converted text keeps its line numbers. Nothing is stored.
 */
describe.each(LOCALES)("nhập kế hoạch: cảnh báo theo nhóm, vị trí theo phụ lục (%s)", (locale) => {
  let browser: Browser;
  // plan 596 with one lead unit the directory does not know (PL II, task 3: once in the text),
  // a name of its own per run: the first run creates it
  const unknown = `Trung tâm Thử nghiệm Giám sát ${locale}`;
  const text = readFileSync(path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt"), "utf8").replace(
    "Báo Công Thương",
    unknown,
  );
  const xlsx = path.join(dataDir, `ke-hoach-596-${locale}.xlsx`);
  const txt = path.join(dataDir, `ke-hoach-596-${locale}.txt`);
  beforeAll(async () => {
    writeFileSync(xlsx, writeXlsx(blocksToXlsx(readTextBlocks(text))));
    writeFileSync(txt, text);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("groups the warnings by meaning and places them by appendix and task", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", 1366, locale);
    const read = async (file: string) => {
      await page.goto("/nhap");
      await page.getByLabel(/Văn bản kế hoạch/).setInputFiles(file);
      await page.getByRole("button", { name: "Đọc văn bản" }).click();
      await page.getByTestId("import-preview").waitFor();
    };

    await read(txt);
    await page.getByTestId("warnings-units").locator("summary").click();
    expect(await page.getByTestId("warnings-units").textContent()).toMatch(
      /Dòng \d+: Phụ lục II, nhiệm vụ 3:/,
    );

    await read(xlsx);
    const warnings = page.getByRole("region", { name: /Cảnh báo khi đọc văn bản/ });
    const headings = await warnings.locator("summary strong").allTextContents();
    expect(headings).toEqual(
      expect.arrayContaining(["Đơn vị chưa nhận diện được", "Thiếu thông tin “06 rõ”"]),
    );
    expect(await warnings.textContent()).not.toMatch(/org_unresolved|missing_name|Dòng \d/);
    const units = page.getByTestId("warnings-units");
    await units.locator("summary").click();
    expect(await units.textContent()).toContain("Phụ lục II, nhiệm vụ 3:");
    expect(await units.textContent()).toContain("hãy chỉ ra đơn vị");
    const mapper = page.getByRole("region", { name: /Đơn vị chưa nhận diện được/ });
    expect(await mapper.textContent()).toContain(`“${unknown}” (1 lần: Phụ lục II, nhiệm vụ 3)`);
    expect(await mapper.textContent()).not.toMatch(/dòng \d/);
    await screenshot(page, "22-import-warnings");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "22-import-warnings");
    await page.setViewportSize({ width: 1366, height: 900 });

    // the name is no unit of the directory: create it under its ministry, from the mapper
    await mapper.getByRole("button", { name: "Tạo đơn vị mới…" }).click();
    const form = page.getByRole("form", { name: `Tạo đơn vị mới cho “${unknown}”` });
    expect(await form.getByLabel("Tên đơn vị mới").inputValue()).toBe(unknown);
    await form.getByLabel("Thuộc đơn vị cấp trên").pressSequentially("bo cong thuong");
    await page
      .getByRole("option", { name: /^Bộ Công Thương/ })
      .first()
      .click();
    await screenshotAndPhone(page, "22-import-new-unit");
    await form.getByRole("button", { name: "Tạo đơn vị" }).click();
    await mapper.getByText("Mọi đơn vị trong văn bản đều đã có trong danh mục.").waitFor();
    const made = await page.evaluate(async (name) => {
      const res = await fetch(`/api/organisations?q=${encodeURIComponent(name)}`);
      return ((await res.json()) as { items: { name: string; parentName: string }[] }).items;
    }, unknown);
    expect(made).toContainEqual(
      expect.objectContaining({ name: unknown, parentName: "Bộ Công Thương" }),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
