import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { PASSWORD } from "./support/cli.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");

const getJson = <T>(page: Page, url: string) =>
  page.evaluate(
    async (u) => (await fetch(u, { credentials: "same-origin" })).json(),
    url,
  ) as Promise<T>;

/**
 * Every page at a desktop width (1366 px) and a phone width (375 px), saved to
 * test-results/screenshots/ for a person to look at; each page must render without errors and
 * without horizontal scrolling of the whole page on a phone.
 */
describe.each([1366, 375])("ảnh chụp các trang ở %i px", (width) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const noPageOverflow = async (page: Page) => {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
  };

  it("login", async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width, height: 800 },
    });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByLabel("Mật khẩu").waitFor();
    await screenshot(page, "01-login");
    await noPageOverflow(page);
    await page.getByLabel("Tên đăng nhập").fill("lanhdao");
    await page.getByLabel("Mật khẩu").fill(`${PASSWORD}-sai`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("alert").waitFor();
    await screenshot(page, "01-login-error");
    await context.close();
  });

  it("leader: dashboard, plans, scorecards, plan, task", async () => {
    const { page, errors } = await signIn(browser, baseUrl, "lanhdao", width);
    const plans = await getJson<{ items: { id: number; number: string | null }[] }>(
      page,
      "/api/plans",
    );
    const plan = plans.items.find((p) => p.number?.startsWith("596"));
    expect(plan).toBeDefined();
    await page.goto(`/?plan=${plan?.id}&asOf=2026-06-01`);
    await page.getByTestId("overdue-table").waitFor();
    await page.locator(".chart").first().waitFor();
    await screenshot(page, "02-dashboard");
    await noPageOverflow(page);
    await page.goto("/ke-hoach");
    await page.getByRole("heading", { name: "Kế hoạch" }).waitFor();
    await screenshot(page, "03-plans");
    await noPageOverflow(page);
    await page.goto(`/danh-gia?plan=${plan?.id}&asOf=2026-06-01`);
    await page.getByTestId("scorecard-table").waitFor();
    await screenshot(page, "16-scorecards");
    await noPageOverflow(page);
    await page.goto(`/ke-hoach/${plan?.id}?asOf=2026-06-01&q=chuyen doi so`);
    await page.getByTestId("task-table").waitFor();
    await screenshot(page, "04-plan");
    await noPageOverflow(page);
    await page.getByTestId("task-table").getByRole("link").first().click();
    await page.getByRole("heading", { name: /Thông tin nhiệm vụ/ }).waitFor();
    await screenshot(page, "05-task");
    await noPageOverflow(page);
    await page.goto("/de-xuat");
    await page.getByTestId("change-requests").waitFor();
    await screenshot(page, "13-change-requests");
    await noPageOverflow(page);
    const pending = await getJson<{ items: { taskId: number }[] }>(
      page,
      "/api/change-requests?status=proposed",
    );
    await page.goto(`/nhiem-vu/${pending.items[0]?.taskId}`);
    await page.getByRole("button", { name: "Chấp thuận", exact: true }).waitFor();
    await screenshot(page, "14-task-change-pending");
    await noPageOverflow(page);
    expect(errors).toEqual([]);
  });

  it("unit: inbox and report form", async () => {
    const { page, errors } = await signIn(browser, baseUrl, "donvi", width);
    await page.goto("/don-vi");
    await page.getByTestId("inbox-table").waitFor();
    await screenshot(page, "06-inbox");
    await noPageOverflow(page);
    await page.getByTestId("inbox-table").getByRole("link").first().click();
    await page.getByRole("button", { name: "Đề xuất điều chỉnh" }).click();
    await page.getByLabel("Giao lại đơn vị chủ trì").check();
    await page.getByLabel("Đơn vị chủ trì mới").fill("cong nghe");
    await page.getByRole("option").first().click();
    await screenshot(page, "15-change-form");
    await noPageOverflow(page);
    await page.goto("/don-vi");
    await page.getByTestId("inbox-table").waitFor();
    await page
      .getByTestId("inbox-table")
      .getByRole("link", { name: /^Báo cáo/ })
      .first()
      .click();
    await page.getByLabel("Kết quả thực hiện").fill(`Đang triển khai (ảnh ${width}px).`);
    await page.locator("#evidence-files").setInputFiles({
      name: "quá-lớn.exe",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("MZ"),
    });
    await page.getByRole("alert").filter({ hasText: "không được chấp nhận" }).waitFor();
    await screenshot(page, "07-report-form");
    await noPageOverflow(page);
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await page.getByText("Đã gửi báo cáo").waitFor();
    expect(errors).toEqual([]);
  });

  it("monitor: review queue and import preview", async () => {
    const { page, errors } = await signIn(browser, baseUrl, "theodoi", width);
    await page.goto("/duyet");
    await page.getByTestId("review-current").waitFor();
    await screenshot(page, "08-review");
    await noPageOverflow(page);
    await page.goto("/nhap");
    await page
      .getByLabel(/Văn bản kế hoạch/)
      .setInputFiles(path.join(seedsDir, "qd405-bct-2026-2030-digital-transformation.txt"));
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    await page.getByTestId("import-preview").waitFor();
    await screenshot(page, "09-import-preview");
    await noPageOverflow(page);
    expect(errors).toEqual([]);
  });

  it("admin: organisations, users, calendars", async () => {
    const { page, errors } = await signIn(browser, baseUrl, "quantri", width);
    await page.goto("/quan-tri");
    for (const [tab, name] of [
      ["Đơn vị và tên gọi khác", "10-admin-orgs"],
      ["Người dùng và vai trò", "11-admin-users"],
      ["Lịch báo cáo", "12-admin-calendars"],
    ] as const) {
      await page.getByRole("tab", { name: tab }).click();
      await page.locator("tbody tr").first().waitFor();
      await screenshot(page, name);
      await noPageOverflow(page);
    }
    expect(errors).toEqual([]);
  });
});
