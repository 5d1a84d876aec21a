import { readFileSync } from "node:fs";
import path from "node:path";
import { readValuesSheet, writeXlsx } from "@giamsat/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser } from "./support/cli.js";
import { importThroughPage } from "./support/flows.js";
import { LOCALES } from "./support/locales.js";
import { screenshotsDir, seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const AS_OF = "2026-06-01";
const UNIT = "Cục Thương mại điện tử và Kinh tế số";

/** A values sheet as the monitoring department fills it: [id, period, value] rows. */
const valuesSheet = (rows: [number, string, string][]) => ({
  name: "gia-tri.xlsx",
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  buffer: Buffer.from(
    writeXlsx([
      {
        name: "Giá trị chỉ tiêu",
        rows: [
          [{ text: "Mã chỉ tiêu" }, { text: "Kỳ" }, { text: "Giá trị" }],
          ...rows.map(([id, period, value]) => [{ number: id }, { text: period }, { text: value }]),
        ],
      },
    ]),
  ),
});

type Item = {
  id: number;
  number: string;
  latest: { value: number } | null;
  achievement: number | null;
};

/** Indicators in the browser: the unit reports indicator 4, the monitor accepts, the plan shows it. */
describe("chỉ tiêu", () => {
  let browser: Browser;
  let monitor: UserPage;
  let planId = "";
  let indicator4 = 0;
  let indicator11 = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    monitor = await signIn(browser, baseUrl, "theodoi");
    const plans = (await monitor.page.evaluate(async () => (await fetch("/api/plans")).json())) as {
      items: { id: number; number: string | null }[];
    };
    const stored = plans.items.find((p) => p.number?.startsWith("596"));
    planId = stored
      ? String(stored.id)
      : await importThroughPage(monitor.page, path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt"));
    const list = (await monitor.page.evaluate(
      async (q) => (await fetch(`/api/indicators?${q}`)).json(),
      `plan=${planId}&asOf=${AS_OF}`,
    )) as { items: Item[] };
    indicator4 = list.items.find((i) => i.number === "4")!.id;
    indicator11 = list.items.find((i) => i.number === "11")!.id;
    await addUser(dataDir, "donvi-tmdt-chitieu", "unit_staff", UNIT);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the unit reports 60 for Tháng 5/2026, the monitor accepts, the plan shows 60% and 75%", async () => {
    const unit = await signIn(browser, baseUrl, "donvi-tmdt-chitieu");
    await unit.page.goto(`/chi-tieu/${indicator4}?asOf=${AS_OF}`);
    await unit.page.locator("#iv-period").fill("2026-05");
    await unit.page.locator("#iv-value").fill("60");
    await unit.page.locator("#iv-note").fill("Số liệu Cổng Dịch vụ công");
    await unit.page.getByRole("button", { name: "Gửi giá trị" }).click();
    await unit.page.getByText("Đã gửi, đang chờ cơ quan theo dõi thẩm định.").waitFor();
    await unit.page.getByRole("cell", { name: "Chờ thẩm định" }).waitFor();
    expect(unit.errors).toEqual([]);

    const { page } = monitor;
    await page.goto(`/chi-tieu/${indicator4}?asOf=${AS_OF}`);
    await page.getByRole("button", { name: "Chấp nhận" }).click();
    await page.getByRole("cell", { name: "Đã chấp nhận" }).waitFor();
    await expect.poll(() => page.locator(".warning-text").textContent()).toContain("75% kế hoạch");

    await page.goto(`/ke-hoach/${planId}?asOf=${AS_OF}`);
    const row = page
      .locator(".indicator-table tbody tr")
      .filter({ hasText: "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình" });
    await row.waitFor();
    await expect.poll(() => row.locator("td").nth(3).textContent()).toContain("60%");
    expect(await row.getByRole("meter").getAttribute("aria-valuenow")).toBe("75");
    expect(await row.locator(".chip").textContent()).not.toBe("Đã đạt");
    expect(monitor.errors).toEqual([]);
    await unit.context.close();
  });

  it("the monitor corrects indicator 11's kind with a reason, then returns it to the inference", async () => {
    const { page } = monitor;
    await page.goto(`/chi-tieu/${indicator11}?asOf=${AS_OF}`);
    await page.getByText("Suy ra từ cách ghi: Cộng dồn").waitFor();
    await page.getByRole("button", { name: "Điều chỉnh loại, chiều" }).click();
    await page.locator("#ik-kind").selectOption("in_period");
    await page.locator("#ik-reason").fill("Số sản phẩm đếm riêng từng năm");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Cơ quan theo dõi đã điều chỉnh.").waitFor();
    expect(await page.locator("dd", { hasText: "Suy ra từ cách ghi" }).textContent()).toMatch(
      /^Theo từng kỳ · Càng cao càng tốt/,
    );

    await page.getByRole("button", { name: "Điều chỉnh loại, chiều" }).click();
    await page.locator("#ik-kind").selectOption("");
    await page.locator("#ik-direction").selectOption("");
    await page.locator("#ik-reason").fill("Trở lại suy luận");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Cơ quan theo dõi đã điều chỉnh.").waitFor({ state: "detached" });
    expect(await page.locator("dd", { hasText: "Suy ra từ cách ghi" }).textContent()).toMatch(
      /^Cộng dồn/,
    );
    expect(monitor.errors).toEqual([]);
  });

  it("the monitor downloads the template, sees the errors of a sheet per row, then stores a clean one", async () => {
    const { page } = monitor;
    await page.goto(`/ke-hoach/${planId}?asOf=${AS_OF}`);
    await page.getByRole("link", { name: "Nhập giá trị từ Excel" }).click();
    await page.getByRole("heading", { name: "Nhập giá trị chỉ tiêu từ Excel" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải tệp mẫu (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("mau-gia-tri-chi-tieu.xlsx");
    const template = readValuesSheet(readFileSync((await download.path())!));
    expect(template.labels.value).toBe("cột G (Giá trị)");

    await page
      .locator("#values-file")
      .setInputFiles(valuesSheet([[indicator11, "2026-04", "một"]]));
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page
      .getByRole("alert")
      .getByText('Dòng 2, cột C (Giá trị): "một" không phải là số.')
      .waitFor();
    expect(await page.getByRole("button", { name: /^Lưu/ }).isDisabled()).toBe(true);

    await page
      .locator("#values-file")
      .setInputFiles(valuesSheet([[indicator11, "Tháng 4/2026", "1"]]));
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.getByRole("cell", { name: "Tháng 4/2026" }).waitFor();
    await page.getByRole("button", { name: "Lưu 1 giá trị" }).click();
    await page.getByText("Đã lưu 1 giá trị.").waitFor();
    await page.goto(`/chi-tieu/${indicator11}?asOf=${AS_OF}`);
    const row = page
      .locator("section[aria-labelledby=values-title] tbody tr")
      .filter({ hasText: "Tháng 4/2026" });
    await expect.poll(() => row.textContent()).toContain("Đã chấp nhận");
    expect(monitor.errors).toEqual([]);
  });

  it("a rate of 150% waits in the review queue with its flag and the previous accepted value", async () => {
    const unit = await signIn(browser, baseUrl, "donvi-tmdt-chitieu");
    await unit.page.goto(`/chi-tieu/${indicator4}?asOf=${AS_OF}`);
    await unit.page.locator("#iv-period").fill("2026-06");
    await unit.page.locator("#iv-value").fill("150");
    await unit.page.getByRole("button", { name: "Gửi giá trị" }).click();
    await unit.page.getByText("Đã gửi, đang chờ cơ quan theo dõi thẩm định.").waitFor();
    await unit.context.close();

    const { page } = monitor;
    await page.goto("/duyet");
    const item = page.getByTestId("value-queue").locator("li", { hasText: "Tháng 6/2026: 150%" });
    await item.waitFor();
    expect(await item.textContent()).toContain("trước đó Tháng 5/2026: 60%");
    await item.getByText("Tỷ lệ 150% vượt quá 100%.").waitFor();
    expect(monitor.errors).toEqual([]);
  });

  it("the dashboard's indicator tiles open the list filtered by their warning level", async () => {
    const { page } = monitor;
    await page.goto(`/?plan=${planId}&asOf=${AS_OF}`);
    const tiles = page.getByTestId("indicator-tiles");
    await tiles.waitFor();
    const count = async (w: string) =>
      Number(await tiles.locator(`[data-warning=${w}] .value`).textContent());
    const total = (
      await Promise.all(["achieved", "on_track", "at_risk", "off_track", "no_data"].map(count))
    ).reduce((a, b) => a + b, 0);
    expect(total).toBe(11);
    const warning = (await count("at_risk")) > 0 ? "at_risk" : "off_track";
    const expected = await count(warning);
    expect(expected).toBeGreaterThan(0);
    expect(await tiles.locator(`[data-warning=${warning}] .label`).textContent()).toMatch(
      /^chỉ tiêu (có nguy cơ không đạt|chậm, khó đạt)$/,
    );
    await tiles.locator(`[data-warning=${warning}]`).click();
    await page.locator(".indicator-table").waitFor();
    expect(new URL(page.url()).searchParams.get("warning")).toBe(warning);
    expect(await page.locator(".indicator-table tbody tr").count()).toBe(expected);
    expect(await page.locator("#warning-filter").inputValue()).toBe(warning);
    expect(monitor.errors).toEqual([]);
  });

  it.each(LOCALES.flatMap((locale) => [1366, 390].map((width) => ({ locale, width }))))(
    "the unit's inbox asks for last month's indicator values at $width px ($locale)",
    async ({ locale, width }) => {
      const unit = await signIn(browser, baseUrl, "donvi-tmdt-chitieu", width, locale);
      await unit.page.goto("/don-vi");
      const section = unit.page.getByTestId("indicators-due");
      await section.waitFor();
      await screenshot(unit.page, "indicator-inbox");
      await section.screenshot({
        path: path.join(screenshotsDir, `indicator-inbox-section-${width}-${locale}.png`),
      });
      const link = section.getByRole("link").first();
      const text = (await section.locator("li").first().textContent()) ?? "";
      expect(text).toMatch(/Tháng \d+\/20\d\d: Chưa báo cáo/);
      await link.click();
      await unit.page.locator("#iv-period").waitFor();
      expect(await unit.page.locator("#iv-period").inputValue()).toMatch(/^20\d\d-\d\d$/);
      expect(unit.errors).toEqual([]);
      await unit.context.close();
    },
  );

  it.each(LOCALES.flatMap((locale) => [1366, 390].map((width) => ({ locale, width }))))(
    "plan appendix and indicator page at $width px ($locale)",
    async ({ locale, width }) => {
      const user = await signIn(browser, baseUrl, "theodoi", width, locale);
      await user.page.goto(`/ke-hoach/${planId}?asOf=${AS_OF}`);
      await user.page.locator(".indicator-table").waitFor();
      await screenshot(user.page, "indicators-plan");
      const appendix = user.page.locator("section[aria-labelledby=indicators-title]");
      await appendix.screenshot({
        path: path.join(screenshotsDir, `indicator-appendix-${width}-${locale}.png`),
      });
      await user.page.goto(`/chi-tieu/${indicator4}?asOf=${AS_OF}`);
      await user.page.locator(".indicator-chart").waitFor();
      await screenshot(user.page, "indicator-page");
      await user.page.getByRole("button", { name: "Điều chỉnh loại, chiều" }).click();
      await user.page.locator(".indicator-kind-form").screenshot({
        path: path.join(screenshotsDir, `indicator-kind-form-${width}-${locale}.png`),
      });
      await user.page.goto(`/chi-tieu/nhap-gia-tri?plan=${planId}`);
      await user.page.locator("#values-file").setInputFiles(
        valuesSheet([
          [indicator4, "Quý I/2026", "50,5"],
          [indicator11, "2026-13", "x"],
        ]),
      );
      await user.page.getByRole("button", { name: "Xem trước" }).click();
      await user.page.getByRole("alert").waitFor();
      await screenshot(user.page, "indicator-values-import");
      await user.page.goto("/duyet");
      await user.page.getByTestId("value-queue").waitFor();
      await screenshot(user.page, "indicator-value-queue");
      await user.page.goto(`/?plan=${planId}&asOf=${AS_OF}`);
      await user.page.getByTestId("indicator-tiles").waitFor();
      await user.page.locator("section[aria-labelledby=indicator-tiles-title]").screenshot({
        path: path.join(screenshotsDir, `indicator-tiles-${width}-${locale}.png`),
      });
      const overflow = await user.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(1);
      expect(user.errors).toEqual([]);
      await user.context.close();
    },
  );
});
