import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const EMAIL = "nguoi.gui.e2e@example.vn";

/** A JSON POST from a signed-in page (its session and CSRF token); the response status. */
function postFrom(page: Page, url: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ([u, b]) => {
      const token = /csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const res = await fetch(u as string, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(token) },
        body: JSON.stringify(b),
      });
      return res.status;
    },
    [url, body] as const,
  );
}

/**
 * Issue 16, PAKN: a visitor with no account sends feedback at /gop-y (the page solves the
 * ALTCHA proof of work itself), gets a code; the monitoring department routes it, the unit
 * answers, the monitoring department publishes; the visitor sees the answer and rates it.
 */
describe.each(LOCALES)("góp ý công khai (%s)", (locale) => {
  const width = locale === "vi-VN" ? 1366 : 390;
  let browser: Browser;
  beforeAll(async () => {
    await giamsat(inject("dataDir"), [
      "import",
      path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt"),
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("submit → code → route → answer → approve → the visitor sees the answer and rates it", async () => {
    const visitor = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const page = await visitor.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/gop-y`);
    await page.getByLabel("Tiêu đề").fill(`Cổng dịch vụ công chậm (${locale})`);
    await page.getByLabel("Nội dung").fill("Trang nộp hồ sơ thường xuyên không truy cập được.");
    await page.getByLabel("Họ và tên").fill("Trần Thị Người Gửi");
    await page.getByLabel("Thư điện tử").fill(EMAIL);
    await page.getByLabel(/Nghị định 13\/2023/).check();
    await page.getByRole("button", { name: "Gửi góp ý" }).click();
    const codeEl = page.getByTestId("feedback-code");
    await codeEl.waitFor({ timeout: 30_000 });
    const code = (await codeEl.textContent())!;
    expect(code).toMatch(/^GY-\d{8}-/);
    await screenshot(page, `feedback-sent-${locale}`);
    await page.getByRole("link", { name: `Theo dõi góp ý ${code}` }).click();
    await expect.poll(() => page.getByTestId("feedback-state").textContent()).toBe("Đã tiếp nhận");

    const monitor = await signIn(browser, baseUrl, "theodoi", width, locale);
    const target = await monitor.page.evaluate(async (c) => {
      const items = (await (await fetch("/api/feedback")).json()) as { id: number; code: string }[];
      const orgs = (await (await fetch("/api/organisations?kind=unit")).json()) as
        { id: number; name: string }[] | { items: { id: number; name: string }[] };
      const unit = (Array.isArray(orgs) ? orgs : orgs.items)[0]!;
      return { id: items.find((i) => i.code === c)!.id, unitId: unit.id, name: unit.name };
    }, code);
    expect(
      await postFrom(monitor.page, `/api/feedback/${target.id}/route`, { unitId: target.unitId }),
    ).toBe(200);
    const username = `donvi-gopy-${locale.toLowerCase()}`;
    await addUser(inject("dataDir"), username, "unit_staff", target.name);
    const unit = await signIn(browser, baseUrl, username, width, locale);
    expect(
      await postFrom(unit.page, `/api/feedback/${target.id}/answer`, {
        answer: "Đơn vị đã nâng cấp máy chủ cổng dịch vụ công.",
      }),
    ).toBe(200);
    expect(
      await postFrom(monitor.page, `/api/feedback/${target.id}/decision`, { approve: true }),
    ).toBe(200);

    await page.reload();
    await expect
      .poll(() => page.getByTestId("feedback-answer").textContent())
      .toBe("Đơn vị đã nâng cấp máy chủ cổng dịch vụ công.");
    expect(await page.content()).not.toContain(EMAIL);
    await page.getByLabel("Nhận xét").fill("Cảm ơn");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect.poll(() => page.getByTestId("feedback-rating").textContent()).toContain("5/5");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await screenshot(page, `feedback-answered-${locale}`);
    expect(errors).toEqual([]);
    await monitor.context.close();
    await unit.context.close();
    await visitor.close();
  });
});
