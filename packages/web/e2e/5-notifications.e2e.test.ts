import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import path from "node:path";
import { addUser, giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type Task = {
  id: number;
  kind: string;
  status: string;
  confidential: boolean;
  lead: { orgId: number | null; name: string }[];
};

/** A JSON request from the page, with the session cookie and the CSRF header. */
const send = <T>(page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const csrf = /giamsat_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const response = await fetch(url, {
        method,
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, url, body },
  ) as Promise<{ status: number; body: T }>;

/**
 * The bell: a unit user's report returned by the monitoring department shows in the header's
 * bell, in the notifications page with the comment, and leads to the report form; preferences
 * are saved and kept.
 */
describe("thông báo: chuông, trang thông báo, cách nhận", () => {
  let browser: Browser;
  let monitor: UserPage;
  let author: UserPage;
  let taskId = 0;

  beforeAll(async () => {
    // plan 596 (already there after the other files; importing it again changes nothing)
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
    monitor = await signIn(browser, baseUrl, "theodoi");
    const tasks = await send<{ items: Task[] }>(monitor.page, "GET", "/api/tasks?limit=100");
    const task = tasks.body.items.find(
      (t) =>
        t.kind === "time-bound" &&
        !t.confidential &&
        t.lead[0]?.orgId &&
        !t.status.startsWith("done"),
    );
    expect(task).toBeDefined();
    taskId = task!.id;
    await addUser(dataDir, "donvi-thongbao", "unit_staff", task!.lead[0]!.name);
    author = await signIn(browser, baseUrl, "donvi-thongbao");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a returned report to its author in the bell and on the notifications page", async () => {
    const { page, errors } = author;
    const bell = page.getByTestId("notification-bell");
    await bell.waitFor();
    expect(await page.getByTestId("notification-count").count()).toBe(0);

    const sent = await send<{ id: number }>(page, "POST", `/api/tasks/${taskId}/reports`, {
      state: "in_progress",
      summary: "Đang triển khai, đã họp với các đơn vị phối hợp.",
    });
    expect(sent.status).toBe(201);
    const returned = await send(monitor.page, "POST", `/api/reports/${sent.body.id}/review`, {
      decision: "return",
      comment: "Đề nghị bổ sung biên bản họp làm minh chứng.",
    });
    expect(returned.status).toBe(200);

    await page.goto("/don-vi");
    await expect.poll(() => page.getByTestId("notification-count").textContent()).toBe("1");
    expect(await bell.getAttribute("aria-label")).toBe("Thông báo: 1 chưa đọc");
    await bell.click();
    await page.waitForURL(/\/thong-bao$/);
    const item = page.getByRole("list", { name: "Danh sách thông báo" }).locator("li").first();
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Báo cáo bị trả lại \(Tháng \d+\/2026\)/);
    expect(await item.textContent()).toContain(
      "Ý kiến: Đề nghị bổ sung biên bản họp làm minh chứng.",
    );
    await screenshot(page, "thong-bao");

    await item.getByRole("button").click();
    await page.waitForURL(new RegExp(`/nhiem-vu/${taskId}/bao-cao$`));
    await expect.poll(() => page.getByTestId("notification-count").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("saves the channels chosen per kind, and keeps them", async () => {
    const { page, errors } = author;
    await page.goto("/thong-bao");
    const email = page.getByLabel("Báo cáo được chấp nhận: e-mail");
    await email.waitFor();
    expect(await email.isChecked()).toBe(true);
    await email.uncheck();
    const digest = page.getByLabel("Nhắc hạn báo cáo: gộp vào thư tổng hợp hằng ngày");
    expect(await digest.isChecked()).toBe(false);
    await digest.check();
    // a digest kind is not gathered into another digest: no box
    expect(
      await page
        .getByLabel("Tổng hợp việc chờ duyệt (hằng ngày): gộp vào thư tổng hợp hằng ngày")
        .count(),
    ).toBe(0);
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu cách nhận thông báo.").waitFor();
    await page.reload();
    await page.getByLabel("Báo cáo được chấp nhận: e-mail").waitFor();
    expect(await page.getByLabel("Báo cáo được chấp nhận: e-mail").isChecked()).toBe(false);
    expect(await page.getByLabel("Báo cáo được chấp nhận: trong ứng dụng").isChecked()).toBe(true);
    expect(
      await page.getByLabel("Nhắc hạn báo cáo: gộp vào thư tổng hợp hằng ngày").isChecked(),
    ).toBe(true);
    expect(errors).toEqual([]);
  });

  it.each(LOCALES.flatMap((locale) => [1366, 390].map((width) => [locale, width] as const)))(
    "the page reads the same in %s at %i px",
    async (locale, width) => {
      const user = await signIn(browser, baseUrl, "donvi-thongbao", width, locale);
      await user.page.goto("/thong-bao");
      await user.page.getByText("Cách nhận thông báo").waitFor();
      await user.page
        .getByText(/\d{2}\/\d{2}\/2026 \d{2}:\d{2}/)
        .first()
        .waitFor();
      await screenshot(user.page, `thong-bao-${locale}`);
      expect(user.errors).toEqual([]);
      await user.context.close();
    },
  );
});
