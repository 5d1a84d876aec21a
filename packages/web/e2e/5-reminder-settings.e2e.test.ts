import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/**
 * The administrator's reminder pages: public holidays edited per year, a plan's reminder
 * offsets, and the notification outbox with the mails failed for good; in a Vietnamese and an
 * English browser, at 1366 and 390 px.
 */
describe.each(LOCALES)("quản trị nhắc việc (%s)", (locale) => {
  let browser: Browser;

  beforeAll(async () => {
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("edits a year's holidays: refuses a day of another year, saves, keeps the other years", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "quantri", 1366, locale);
    await page.goto("/quan-tri");
    await page.getByRole("tab", { name: "Ngày nghỉ lễ, Tết" }).click();
    await page.getByLabel("Năm", { exact: true }).selectOption("2026");
    // 2026's days come with the migration (Tết: 16–20/02)
    const table = page.getByRole("table", { name: "Ngày nghỉ năm 2026" });
    await table.locator("tbody tr").first().waitFor();
    const days2026 = await table.locator("tbody tr").count();
    expect(days2026).toBeGreaterThanOrEqual(5);

    await page.getByLabel("Năm", { exact: true }).selectOption("2027");
    await page.getByText("Năm 2027 chưa có ngày nghỉ nào.").waitFor();
    await page.getByRole("button", { name: "Thêm ngày nghỉ" }).click();
    await page.locator("input[id^=h-date-]").first().fill("01/01/2026");
    await page.getByLabel("Tên ngày nghỉ dòng 1").fill("Tết Dương lịch");
    await page.getByRole("button", { name: "Lưu ngày nghỉ năm 2027" }).click();
    // the row's date is marked, named in the focused summary by its label and line
    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      "Ngày, dòng 1: Ngày 01/01/2026 không thuộc năm 2027.",
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "error-summary",
    );
    const firstDate = page.locator("input[id^=h-date-]").first();
    expect(await firstDate.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("[id^=h-date-][id$=-error]").first().textContent()).toBe(
      "Dòng 1: Ngày 01/01/2026 không thuộc năm 2027.",
    );

    await page.locator("input[id^=h-date-]").first().fill("01012027");
    await page.getByRole("button", { name: "Thêm ngày nghỉ" }).click();
    await page.locator("input[id^=h-date-]").nth(1).fill("30/04/2027");
    await page.getByLabel("Tên ngày nghỉ dòng 2").fill("Ngày Giải phóng miền Nam");
    await page.getByRole("button", { name: "Lưu ngày nghỉ năm 2027" }).click();
    await page.getByText("Đã lưu 2 ngày nghỉ năm 2027.").waitFor();
    await screenshot(page, `ngay-nghi-${locale}`);

    await page.reload();
    await page.getByRole("tab", { name: "Ngày nghỉ lễ, Tết" }).click();
    await page.getByLabel("Năm", { exact: true }).selectOption("2027");
    const saved = page.getByRole("table", { name: "Ngày nghỉ năm 2027" });
    await saved.locator("tbody tr").nth(1).waitFor();
    expect(await saved.locator("input[id^=h-date-]").first().inputValue()).toBe("01/01/2027");
    expect(await page.getByLabel("Tên ngày nghỉ dòng 2").inputValue()).toBe(
      "Ngày Giải phóng miền Nam",
    );
    await page.getByLabel("Năm", { exact: true }).selectOption("2026");
    await table.locator("tbody tr").first().waitFor();
    expect(await table.locator("tbody tr").count()).toBe(days2026);

    // leave 2027 as it was for the other locale's run
    await page.getByLabel("Năm", { exact: true }).selectOption("2027");
    await page.getByRole("button", { name: "Xoá dòng 2" }).click();
    await page.getByRole("button", { name: "Xoá dòng 1" }).click();
    await page.getByRole("button", { name: "Lưu ngày nghỉ năm 2027" }).click();
    await page.getByText("Đã lưu 0 ngày nghỉ năm 2027.").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sets a plan's reminder offsets, refuses a bad one with the field named", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "quantri", 1366, locale);
    await page.goto("/quan-tri");
    await page.getByRole("tab", { name: "Mốc nhắc việc" }).click();
    const plan = page.getByLabel("Kế hoạch");
    await plan.locator("option", { hasText: "596" }).first().waitFor({ state: "attached" });
    const value = await plan.locator("option", { hasText: "596" }).first().getAttribute("value");
    await plan.selectOption(value!);
    const report = page.getByLabel("Nhắc trước hạn báo cáo (ngày làm việc)");
    await report.waitFor();
    expect(await report.inputValue()).toBe("5, 1");

    await report.fill("50, 1");
    await page.getByRole("button", { name: "Lưu mốc nhắc việc" }).click();
    // the server's refusal names the field by its label, never "reportDays"
    await page.getByTestId("error-summary").waitFor();
    expect(await page.getByTestId("error-summary").textContent()).toBe(
      "Chưa gửi được: một mục cần sửaNhắc trước hạn báo cáo: Số ngày phải từ 1 đến 40, nhận 50.",
    );
    expect(await report.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#r-report-error").textContent()).toBe(
      "Số ngày phải từ 1 đến 40, nhận 50.",
    );

    await report.fill("3 1");
    await page.getByLabel("Nhắc trước thời hạn nhiệm vụ (ngày)").fill("10, 1");
    await page.getByLabel("Nhắc lại khi quá hạn, mỗi (ngày)").fill("14");
    await page.getByRole("button", { name: "Lưu mốc nhắc việc" }).click();
    // the other locale's run already gave the plan its own offsets: wait for this save
    await page
      .getByRole("status")
      .filter({ hasText: "Đã lưu mốc nhắc việc của kế hoạch." })
      .waitFor();
    await page.getByText("Kế hoạch này có mốc nhắc việc riêng.").waitFor();
    await expect.poll(() => report.inputValue()).toBe("3, 1");
    expect(await page.getByLabel("Nhắc lại khi quá hạn, mỗi (ngày)").inputValue()).toBe("14");
    await screenshot(page, `moc-nhac-viec-${locale}`);

    // back to the defaults for the files that follow
    await report.fill("5, 1");
    await page.getByLabel("Nhắc trước thời hạn nhiệm vụ (ngày)").fill("15, 5, 1");
    await page.getByLabel("Nhắc lại khi quá hạn, mỗi (ngày)").fill("7");
    await page.getByRole("button", { name: "Lưu mốc nhắc việc" }).click();
    await page.getByText("Đã lưu mốc nhắc việc của kế hoạch.").waitFor();
    // the refused offsets' 400 is the only console line
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it("shows the mails failed for good, with the mail server's answer", async () => {
    // a mail the worker gave up on after its six attempts (the retries themselves are tested
    // against a real SMTP server in outbox-retries.test.ts), written to the server's database
    const db = new SqliteDatabase(path.join(dataDir, "giamsat.sqlite"));
    try {
      db.prepare(
        `INSERT INTO notification_outbox (rule, item, period, recipient_id, step, channel, kind,
           address, subject, body_text, body_html, link, status, attempts, next_attempt_at,
           last_error)
         VALUES ('report_return', ?, '2026-06', NULL, '0', 'email', 'report_returned', ?, ?,
           'Nội dung', '<p>Nội dung</p>', '/', 'failed', 6, '2026-06-15T00:00:00.000Z',
           '550 5.1.1 Hộp thư không tồn tại')`,
      ).run(`e2e:${locale}`, `khong.ton.tai.${locale}@example.vn`, `Thư lỗi (${locale})`);
    } finally {
      db.close();
    }
    for (const width of [1366, 390]) {
      const { page, errors, context } = await signIn(browser, baseUrl, "quantri", width, locale);
      await page.goto("/quan-tri");
      await page.getByRole("tab", { name: "Hàng đợi thông báo" }).click();
      const counts = page.getByRole("list", { name: "Số thông báo theo trạng thái" });
      await counts.locator("li[data-status=failed]").waitFor();
      expect(await counts.locator("li[data-status=failed]").textContent()).toMatch(
        /^Gửi lỗi hẳn: \d+$/,
      );
      const row = page.getByTestId("outbox-failed").locator("tr", {
        hasText: `Thư lỗi (${locale})`,
      });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain("Báo cáo bị trả lại");
      expect(text).toContain(`khong.ton.tai.${locale}@example.vn`);
      expect(text).toContain("550 5.1.1 Hộp thư không tồn tại");
      expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await screenshot(page, "hang-doi-thong-bao");
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("reads at 390 px", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "quantri", 390, locale);
    await page.goto("/quan-tri");
    await page.getByRole("tab", { name: "Ngày nghỉ lễ, Tết" }).click();
    await page.getByLabel("Năm", { exact: true }).selectOption("2026");
    await page
      .getByRole("table", { name: "Ngày nghỉ năm 2026" })
      .locator("tbody tr")
      .first()
      .waitFor();
    await screenshot(page, `ngay-nghi-${locale}`);
    await page.getByRole("tab", { name: "Mốc nhắc việc" }).click();
    const plan = page.getByLabel("Kế hoạch");
    await plan.locator("option", { hasText: "596" }).first().waitFor({ state: "attached" });
    await plan.selectOption(
      (await plan.locator("option", { hasText: "596" }).first().getAttribute("value"))!,
    );
    await page.getByLabel("Nhắc trước hạn báo cáo (ngày làm việc)").waitFor();
    await screenshot(page, `moc-nhac-viec-${locale}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
