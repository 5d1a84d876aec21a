import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pageProblems } from "./support/axe.js";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { sendFeedback } from "./support/feedback.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const REVIEW_NOTE = "Ghi chú nội bộ ZZQ-E2E";
const EMAIL = "nguoi.gui.cong.khai@example.vn";

/** A JSON request from a signed-in page (its session and CSRF token): status and body. */
function jsonFrom(page: Page, method: string, url: string, body: unknown) {
  return page.evaluate(
    async ([m, u, b]) => {
      const token = /csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const res = await fetch(u as string, {
        method: m as string,
        headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(token) },
        body: JSON.stringify(b),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    [method, url, body] as const,
  );
}

/**
 * The monitoring department publishes plan 596; a unit explains an overdue
 * task in a report the monitoring department accepts (with an internal note), and a PAKN about
 * the task is answered, published and rated; a visitor with no account opens the public pages
 * and sees its counts by status (the dashboard's of today), its overdue tasks with their lead
 * units and the unit's reason, the indicators, and the answer with its rating — never the
 * review note or the sender's contact or name; that page passes axe-core's WCAG 2.1 A/AA rules at
 * its width and at 320 px.
 */
describe.each(LOCALES)("trang công khai (%s)", (locale) => {
  const width = locale === "vi-VN" ? 1366 : 390;
  let browser: Browser;
  let planId = 0;
  let overdue = 0;
  let reason = "";
  let taskName = "";
  let feedbackTitle = "";
  const ANSWER = "Bộ sẽ công bố lộ trình trong quý I/2027.";
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

  it("the monitoring department publishes plan 596 with a reason, on the plan page", async () => {
    const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", width, locale);
    const found = await page.evaluate(async () => {
      const plans = (await (await fetch("/api/plans")).json()) as {
        items: { id: number; number: string | null }[];
      };
      const id = plans.items.find((p) => p.number?.startsWith("596"))!.id;
      const stats = (await (await fetch(`/api/stats?plan=${id}`)).json()) as {
        counts: { overdue: number };
      };
      return { id, overdue: stats.counts.overdue };
    });
    planId = found.id;
    overdue = found.overdue;
    await page.goto(`/ke-hoach/${planId}`);
    const state = page.getByTestId("plan-published");
    await state.waitFor();
    // the other locale's run may have published it already: withdraw first, with a reason
    if ((await state.textContent())?.startsWith("Kế hoạch được công khai")) {
      await page.getByLabel("Lý do (bắt buộc)").fill("Thôi công khai để kiểm tra lại");
      await page.getByRole("button", { name: "Thôi công khai" }).click();
      await expect.poll(() => state.textContent()).toBe("Kế hoạch chưa được công khai.");
    }
    await page.getByLabel("Lý do (bắt buộc)").fill("Công khai theo kế hoạch của bộ");
    await page.getByRole("button", { name: "Công khai kế hoạch" }).click();
    await expect.poll(() => state.textContent()).toMatch(/^Kế hoạch được công khai từ ngày /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a unit explains an overdue task in an accepted report; a PAKN about it is answered and rated", async () => {
    const monitor = await signIn(browser, baseUrl, "theodoi", width, locale);
    const task = await monitor.page.evaluate(async (id) => {
      const list = (await (await fetch(`/api/overdue?plan=${id}&limit=50`)).json()) as {
        items: { id: number; name: string; lead: { orgId: number | null; name: string }[] }[];
      };
      return list.items.find((t) => t.lead[0]?.orgId)!;
    }, planId);
    const username = `donvi-congkhai-${locale.toLowerCase()}`;
    await addUser(inject("dataDir"), username, "unit_staff", task.lead[0]!.name);
    const unit = await signIn(browser, baseUrl, username, width, locale);
    reason = `Chờ ý kiến thẩm định (${locale})`;
    const report = await jsonFrom(unit.page, "POST", `/api/tasks/${task.id}/reports`, {
      period: locale === "vi-VN" ? "2026-07" : "2026-08",
      state: "in_progress",
      progress: 60,
      summary: "Đang hoàn thiện dự thảo.",
      difficulties: reason,
      evidence: [{ kind: "document", reference: "Công văn 45/BCT-KHCN" }],
    });
    expect(report.status).toBe(201);
    const review = await jsonFrom(monitor.page, "POST", `/api/reports/${report.body.id}/review`, {
      decision: "accept",
      comment: REVIEW_NOTE,
    });
    expect(review.status).toBe(200);
    taskName = task.name;

    feedbackTitle = `Kiến nghị về tiến độ (${locale})`;
    const { code, secret } = await sendFeedback(baseUrl, {
      title: feedbackTitle,
      email: EMAIL,
      taskId: task.id,
    });
    const items = (await monitor.page.evaluate(async () =>
      (await fetch("/api/feedback")).json(),
    )) as { id: number; code: string }[];
    const id = items.find((i) => i.code === code)!.id;
    const unitId = task.lead[0]!.orgId;
    expect(
      await jsonFrom(monitor.page, "POST", `/api/feedback/${id}/route`, { unitId }),
    ).toMatchObject({ status: 200 });
    expect(
      await jsonFrom(unit.page, "POST", `/api/feedback/${id}/answer`, { answer: ANSWER }),
    ).toMatchObject({ status: 200 });
    expect(
      (await jsonFrom(monitor.page, "POST", `/api/feedback/${id}/decision`, { approve: true }))
        .status,
    ).toBe(200);
    const rated = await fetch(`${baseUrl}/api/public/feedback/${code}/rating`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret, rating: 4, comment: "Bình luận ZZQ-E2E" }),
    });
    expect(rated.status).toBe(200);
    await monitor.context.close();
    await unit.context.close();
  });

  it("a visitor with no account sees its counts and overdue tasks", async () => {
    const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/cong-khai`);
    await page.getByRole("heading", { name: "Kế hoạch được công khai" }).waitFor();
    await page.getByRole("link", { name: /596\/QĐ-BCT/ }).click();
    const counts = page.getByTestId("public-counts");
    await counts.waitFor();
    expect(Number(await counts.locator('[data-status="overdue"] .value').textContent())).toBe(
      overdue,
    );
    expect(overdue).toBeGreaterThan(0);
    expect(await page.getByTestId("public-overdue").locator("tbody tr").count()).toBe(
      Math.min(overdue, 200),
    );
    // the unit's stated reason beside its task; the answer with its rating; never the review
    // note, the sender's contact or (not chosen) name
    const row = page.getByTestId("public-overdue").locator("tr", { hasText: taskName }).first();
    await expect.poll(() => page.getByTestId("public-overdue").textContent()).toContain(reason);
    expect(await row.textContent()).toContain(reason);
    const answer = page.getByTestId("public-feedback").locator("li", { hasText: feedbackTitle });
    expect(await answer.textContent()).toContain(ANSWER);
    expect(await answer.textContent()).toContain("4/5");
    await page
      .getByTestId("public-late-units")
      .or(page.getByText("Các đơn vị đã gửi đúng hạn"))
      .first()
      .waitFor();
    expect(await page.getByTestId("public-indicators").locator("tbody tr").count()).toBeGreaterThan(
      0,
    );
    const html = await page.content();
    for (const hidden of ["ZZQ", EMAIL, "0987 654 321", "Lê Văn Ẩn Danh"])
      expect(html).not.toContain(hidden);
    expect(await page.getByRole("link", { name: "Đăng xuất" }).count()).toBe(0);
    expect(page.url()).toContain(`/cong-khai/${planId}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await screenshot(page, "cong-khai-ke-hoach");
    // the published plan's page passes axe-core's WCAG 2.1 A/AA rules, and at 320 px reflows
    expect(await pageProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await pageProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
