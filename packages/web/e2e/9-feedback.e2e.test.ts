import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const EMAIL = "nguoi.gui.e2e@example.vn";
const ATTACHMENT = "anh-chup-loi-cong.pdf";
const NOTE = "Ghi chú nội bộ cho đơn vị e2e";
const ANSWER = "Đơn vị đã nâng cấp máy chủ cổng dịch vụ công.";

/**
 * PAKN: a visitor with no account sends feedback with a file at /gop-y (the page solves the
 * ALTCHA proof of work itself), gets a code; the monitoring department finds it in its list and
 * routes it on its page, the unit answers in its own list, the monitoring department publishes;
 * the visitor sees the answer (never the contact or the internal note) and rates it.
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
    // The administrator keeps the form's fields, each with the unit proposed for routing.
    const admin = await signIn(browser, baseUrl, "quantri", width, locale);
    const unitName = await admin.page.evaluate(async () => {
      const orgs = (await (await fetch("/api/organisations?kind=unit&limit=1")).json()) as {
        items: { name: string }[];
      };
      return orgs.items[0]!.name;
    });
    const exact = unitName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const field = `Dịch vụ công trực tuyến (${locale})`;
    await admin.page.goto(`${baseUrl}/quan-tri`);
    await admin.page.getByRole("tab", { name: "Lĩnh vực góp ý" }).click();
    await admin.page.getByLabel("Tên lĩnh vực").fill(field);
    await admin.page
      .getByRole("combobox", { name: "Đơn vị gợi ý xử lý (nếu có)" })
      .pressSequentially(unitName.slice(0, 20));
    await admin.page.getByRole("option", { name: new RegExp(`^${exact}( —|$)`) }).click();
    await admin.page.getByRole("button", { name: "Thêm lĩnh vực" }).click();
    await admin.page.getByText(`Đã thêm lĩnh vực ${field}.`).waitFor();
    await screenshot(admin.page, "feedback-fields-admin");
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const visitor = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const page = await visitor.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/gop-y`);
    const title = `Cổng dịch vụ công chậm (${locale})`;
    await page.getByLabel("Loại").selectOption("phan_anh");
    await page.getByLabel("Lĩnh vực").selectOption({ label: field });
    await page.getByLabel("Tiêu đề").fill(title);
    await page.getByLabel("Nội dung").fill("Trang nộp hồ sơ thường xuyên không truy cập được.");
    await page.getByLabel("Họ và tên").fill("Trần Thị Người Gửi");
    await page.getByLabel("Thư điện tử").fill(EMAIL);
    await page.locator("#fb-files").setInputFiles({
      name: ATTACHMENT,
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"),
    });
    await page.getByText(ATTACHMENT).waitFor();
    await page.getByLabel(/Nghị định 13\/2023/).check();
    await screenshot(page, "feedback-form");
    await page.getByRole("button", { name: "Gửi góp ý" }).click();
    const codeEl = page.getByTestId("feedback-code");
    await codeEl.waitFor({ timeout: 30_000 });
    const code = (await codeEl.textContent())!;
    expect(code).toMatch(/^GY-\d{8}-/);
    await screenshot(page, "feedback-sent");
    await page.getByRole("link", { name: `Theo dõi góp ý ${code}` }).click();
    await expect.poll(() => page.getByTestId("feedback-state").textContent()).toBe("Đã tiếp nhận");

    const monitor = await signIn(browser, baseUrl, "theodoi", width, locale);
    // The monitoring department finds it in its list (received, this kind) and routes it.
    await monitor.page.goto(`${baseUrl}/xu-ly-gop-y`);
    await monitor.page.getByLabel("Trạng thái").selectOption("received");
    await monitor.page.getByLabel("Loại").selectOption("phan_anh");
    await screenshot(monitor.page, "feedback-queue");
    await monitor.page.getByRole("link", { name: title }).click();
    expect(await monitor.page.locator(".fields").textContent()).toContain(EMAIL);
    const file = monitor.page.getByTestId("feedback-files").getByRole("link", { name: ATTACHMENT });
    const href = (await file.getAttribute("href"))!;
    expect(await monitor.page.evaluate(async (u) => (await fetch(u)).text(), href)).toContain(
      "%PDF-1.4",
    );
    // the field's unit is proposed
    await monitor.page.getByTestId("feedback-suggested").waitFor();
    expect(await monitor.page.getByRole("combobox", { name: "Đơn vị xử lý" }).inputValue()).toMatch(
      new RegExp(`^${exact}( —|$)`),
    );
    await monitor.page.getByLabel("Ghi chú cho đơn vị (không công khai)").fill(NOTE);
    await screenshot(monitor.page, "feedback-route");
    await monitor.page.getByRole("button", { name: "Chuyển đơn vị" }).click();
    await expect
      .poll(() => monitor.page.getByTestId("feedback-handling-state").textContent())
      .toBe("Đã chuyển đơn vị xử lý");
    const itemUrl = monitor.page.url();

    // The unit sees it in its own list and drafts the answer.
    const username = `donvi-gopy-${locale.toLowerCase()}`;
    await addUser(inject("dataDir"), username, "unit_staff", unitName);
    const unit = await signIn(browser, baseUrl, username, width, locale);
    await unit.page.getByRole("link", { name: "Góp ý", exact: true }).click();
    await unit.page.getByRole("link", { name: title }).click();
    expect(await unit.page.getByTestId("feedback-note").textContent()).toBe(NOTE);
    await unit.page.getByLabel(/^Nội dung trả lời/).fill(ANSWER);
    await unit.page.getByRole("button", { name: "Gửi trả lời để duyệt" }).click();
    await expect
      .poll(() => unit.page.getByTestId("feedback-handling-state").textContent())
      .toBe("Đơn vị đã trả lời, chờ duyệt");
    await screenshot(unit.page, "feedback-unit-answered");

    // The monitoring department reads the draft and publishes it.
    await monitor.page.goto(itemUrl);
    expect(await monitor.page.getByTestId("feedback-draft").textContent()).toBe(ANSWER);
    await screenshot(monitor.page, "feedback-decision");
    // returning the draft needs a reason: the field is named in a focused summary
    await monitor.page.getByRole("button", { name: "Trả lại đơn vị" }).click();
    const refused = monitor.page.getByTestId("error-summary");
    await expect.poll(() => refused.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await refused.textContent()).toBe(
      "Chưa gửi được: một mục cần sửaLý do trả lại: Cần nêu lý do trả lại cho đơn vị.",
    );
    expect(await monitor.page.locator("#fb-return-reason").getAttribute("aria-invalid")).toBe(
      "true",
    );
    await monitor.page.getByRole("button", { name: "Duyệt và công bố" }).click();
    await expect
      .poll(() => monitor.page.getByTestId("feedback-handling-state").textContent())
      .toBe("Đã có trả lời");
    for (const p of [monitor.page, unit.page])
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
    expect([...monitor.errors, ...unit.errors]).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByTestId("feedback-answer").textContent()).toBe(ANSWER);
    for (const hidden of [EMAIL, NOTE, ATTACHMENT])
      expect(await page.content()).not.toContain(hidden);
    await page.getByLabel("Nhận xét").fill("Cảm ơn");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect.poll(() => page.getByTestId("feedback-rating").textContent()).toContain("5/5");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await screenshot(page, "feedback-answered");

    // Once the plan is published, the form finds its tasks by words typed without diacritics.
    const published = await monitor.page.evaluate(async () => {
      const plans = (await (await fetch("/api/plans")).json()) as { items: { id: number }[] };
      const token = /csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const res = await fetch(`/api/plans/${plans.items[0]!.id}/published`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(token) },
        body: JSON.stringify({ published: true, reason: "Công khai để nhận góp ý" }),
      });
      return res.status;
    });
    expect(published).toBe(200);
    await page.goto(`${baseUrl}/gop-y`);
    await page.getByLabel("Nhiệm vụ liên quan (nếu có)").fill("chuyen doi so");
    const results = page.getByRole("list", { name: "Nhiệm vụ tìm thấy" }).getByRole("button");
    await results.first().waitFor();
    const label = (await results.first().textContent())!;
    const plain = label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
    for (const word of ["chuyen", "doi", "so"]) expect(plain).toContain(word);
    await results.first().click();
    expect(await page.getByTestId("feedback-task").textContent()).toContain(label);
    await screenshot(page, "feedback-task-chosen");
    expect(errors).toEqual([]);
    await monitor.context.close();
    await unit.context.close();
    await visitor.close();
  });
});
