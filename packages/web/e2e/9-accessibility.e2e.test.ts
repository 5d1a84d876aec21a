import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { addUser } from "./support/cli.js";
import { focusedId, keyboardSignIn as signInByKeyboard, tabTo } from "./support/keyboard.js";
import { filledOnArrival, watchLiveRegions } from "./support/live-regions.js";
import { LOCALES, type Locale } from "./support/locales.js";
import { screenshotsDir } from "./support/paths.js";
import {
  getJson,
  plan596 as plan596Of,
  unitTask as unitTaskOf,
  type Task,
} from "./support/plan-tasks.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const AS_OF = "2026-06-01";

const plan596 = (page: Page) => plan596Of(page, dataDir);
const unitTask = (browser: Browser, fromEnd: number, username: string) =>
  unitTaskOf(browser, baseUrl, dataDir, fromEnd, username);

/** WCAG contrast ratio of two computed colours ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [dark, light] = [luminance(a), luminance(b)].sort((x, y) => x - y);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The focused element's ring (after a key press, so :focus-visible applies) and whether it shows. */
async function ringOf(page: Page, selector: string) {
  await page.keyboard.press("Shift");
  await page.locator(selector).first().focus();
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        visible: el.matches(":focus-visible"),
        color: style.outlineColor,
        width: parseFloat(style.outlineWidth),
      };
    });
}

/** How many `<figure>`s of the page have no name (aria-label or figcaption). */
const unnamedFigures = (page: Page) =>
  page
    .locator("figure")
    .evaluateAll(
      (figures) =>
        figures.filter((f) => !f.getAttribute("aria-label") && !f.querySelector("figcaption"))
          .length,
    );

/** expect.poll with room for a loaded machine (the feedback form solves a proof of work first). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

/** A browser's console errors apart from the 400 answers a test provokes on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 400/.test(e));

const keyboardSignIn = (browser: Browser, username: string, width: number, locale: Locale) =>
  signInByKeyboard(browser, baseUrl, username, width, locale);

/**
 * WCAG 2.1 AA, in a Vietnamese and an English browser: page titles name the task and
 * plan (2.4.2), the focus ring stands out ≥ 3:1 from every background it is drawn on (1.4.11),
 * and the dashboard reflows at 320 px without horizontal scrolling (1.4.10).
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "trợ năng ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("a task page's title names the task and its plan; a plan page's title its number", async () => {
      const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      const plan = await plan596(page);
      await page.goto(`/ke-hoach/${plan.id}?asOf=${AS_OF}`);
      await page.getByTestId("task-table").waitFor();
      await poll(() => page.title()).toBe(`Kế hoạch ${plan.number} · Giám sát`);

      const tasks = await getJson<{ items: Task[] }>(page, `/api/tasks?plan=${plan.id}&limit=5`);
      const task = tasks.items.find((t) => t.number)!;
      await page.goto(`/nhiem-vu/${task.id}?asOf=${AS_OF}`);
      await page.locator("h1.task-title").waitFor();
      await poll(() => page.title()).toBe(`Nhiệm vụ ${task.number} · ${plan.number} · Giám sát`);
      // a page without its own data keeps the route's title
      await page.goto("/ke-hoach");
      await poll(() => page.title()).toBe("Kế hoạch · Giám sát");
      expect(errors).toEqual([]);
      await context.close();
    });

    it("the focus ring is ≥ 3:1 against the page, the header and the selected queue item", async () => {
      const monitor = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      const plan = await plan596(monitor.page);
      const tasks = await getJson<{ items: Task[] }>(
        monitor.page,
        `/api/tasks?plan=${plan.id}&limit=200`,
      );
      // one report waiting in the queue, from the lead unit of a task far down the plan
      const task = tasks.items.filter((t) => t.lead[0]?.orgId).at(-1 - round)!;
      await addUser(dataDir, `a11y-${round}`, "unit_staff", task.lead[0]!.name);
      const unit = await signIn(browser, baseUrl, `a11y-${round}`, 1366, locale);
      const sent = await unit.page.evaluate(async (id) => {
        const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
        const res = await fetch(`/api/tasks/${id}/reports`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({ period: "2026-05", state: "in_progress", summary: "Đang làm" }),
        });
        return res.status;
      }, task.id);
      expect(sent).toBe(201);
      await unit.context.close();

      const { page, errors, context } = monitor;
      await page.goto("/duyet");
      await page.locator(".queue-list li.current button").waitFor();
      const pageBg = await page.evaluate(
        () => getComputedStyle(document.documentElement).backgroundColor,
      );
      const selectedBg = await page
        .locator(".queue-list li.current")
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      const headerBg = await page
        .locator(".app-header")
        .evaluate((el) => getComputedStyle(el).backgroundColor);

      const onItem = await ringOf(page, ".queue-list li.current button");
      expect(onItem.visible).toBe(true);
      expect(onItem.width).toBeGreaterThanOrEqual(2);
      expect(contrast(onItem.color, selectedBg)).toBeGreaterThanOrEqual(3);
      expect(contrast(onItem.color, pageBg)).toBeGreaterThanOrEqual(3);
      const onPage = await ringOf(page, "main a");
      expect(onPage.visible).toBe(true);
      expect(contrast(onPage.color, pageBg)).toBeGreaterThanOrEqual(3);
      expect(contrast(onPage.color, "rgb(255, 255, 255)")).toBeGreaterThanOrEqual(3);
      const inHeader = await ringOf(page, ".main-nav a");
      expect(inHeader.visible).toBe(true);
      expect(contrast(inHeader.color, headerBg)).toBeGreaterThanOrEqual(3);
      await page.locator(".queue-list li.current button").focus();
      await screenshot(page, "a11y-focus-queue");
      expect(errors).toEqual([]);
      await context.close();
    });

    it("a refused report names each wrong field by its label, beside it and in a focused summary", async () => {
      const width = round === 0 ? 1366 : 390;
      const task = await unitTask(browser, 3 + round, `a11y-form-${round}`);
      const { page, errors, context } = await signIn(
        browser,
        baseUrl,
        `a11y-form-${round}`,
        width,
        locale,
      );
      await page.goto(`/nhiem-vu/${task.id}/bao-cao`);
      const form = page.getByRole("form", { name: "Báo cáo tiến độ" });
      await form.waitFor();
      const summaryField = page.locator("#r-summary");
      // the browser's own check: the empty result is marked and focused, its message beside it
      await page.locator("#r-summary").fill("");
      await page.getByRole("button", { name: /Gửi (lại )?báo cáo/ }).click();
      await poll(() => summaryField.getAttribute("aria-invalid")).toBe("true");
      expect(await focusedId(page)).toBe("r-summary");
      expect(await page.locator("#r-summary-error").textContent()).toBe(
        "Vui lòng điền trường này.",
      );
      await summaryField.fill("Đã họp triển khai");
      expect(await summaryField.getAttribute("aria-invalid")).toBeNull();

      // the server refuses the second link: its label and line, not "evidence.1.url"
      await page.locator("#r-links").fill("https://moit.gov.vn/tin-tuc\nftp://tai-lieu/bao-cao");
      await page.getByRole("button", { name: /Gửi (lại )?báo cáo/ }).click();
      const summary = page.getByTestId("error-summary");
      await summary.waitFor();
      await poll(() => focusedId(page)).toBe("error-summary");
      const text = (await summary.textContent()) ?? "";
      expect(text).toContain("Chưa gửi được: một mục cần sửa");
      expect(text).toContain("Đường dẫn minh chứng, dòng 2: Liên kết phải bắt đầu bằng http://");
      expect(text).not.toMatch(/evidence|url/);
      const links = page.locator("#r-links");
      expect(await links.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await links.getAttribute("aria-describedby")) ?? "";
      expect(describedBy.split(" ")).toContain("r-links-error");
      expect(await page.locator("#r-links-error").textContent()).toMatch(/^Dòng 2: Liên kết/);
      expect(await summaryField.getAttribute("aria-invalid")).toBeNull();
      await screenshot(page, "a11y-report-errors");
      // the summary's link takes the keyboard to the field
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      expect(await focusedId(page)).toBe("r-links");

      // a new page: the keyboard goes to its heading, a live region (there from the start) says it
      const announcer = page.getByTestId("route-announcer");
      expect(await announcer.textContent()).toBe("");
      await page
        .locator(".breadcrumb")
        .getByRole("link", { name: /^Nhiệm vụ/ })
        .click();
      await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("task-title");
      await poll(() => announcer.textContent()).toMatch(/^Nhiệm vụ \S+ · 596\/QĐ-BCT$/);

      // the change request: its form's heading takes the keyboard, the missing units are named
      // on their picker like the report's fields, and "Huỷ bỏ" gives the keyboard back
      await page.getByRole("button", { name: "Đề xuất điều chỉnh" }).click();
      await poll(() => focusedId(page)).toBe("cr-title");
      await page.getByLabel("Giao lại đơn vị chủ trì").check();
      await page.getByLabel("Lý do đề xuất (bắt buộc)").fill("Đơn vị khác phù hợp hơn.");
      await page.getByRole("button", { name: "Gửi đề xuất" }).click();
      await poll(() => focusedId(page)).toBe("error-summary");
      expect(await page.getByTestId("error-summary").textContent()).toContain(
        "Đơn vị chủ trì mới: Chọn ít nhất một đơn vị chủ trì mới.",
      );
      expect(await page.locator("#cr-orgs").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#cr-orgs-error").textContent()).toBe(
        "Chọn ít nhất một đơn vị chủ trì mới.",
      );
      await page.getByRole("button", { name: "Huỷ bỏ" }).click();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Đề xuất điều chỉnh",
      );
      expect(unexpected(errors)).toEqual([]);
      await context.close();
    });

    it("the account and public feedback forms mark the fields the server refuses", async () => {
      const width = round === 0 ? 390 : 1366;
      const { page, errors, context } = await signIn(browser, baseUrl, "quantri", width, locale);
      await page.goto("/quan-tri");
      await page.getByRole("tab", { name: "Người dùng và vai trò" }).click();
      await page.getByLabel("Tên đăng nhập").fill(`a11y-khong-don-vi-${round}`);
      await page.getByLabel("Họ và tên").fill("Không Đơn Vị");
      await page.getByLabel("Mật khẩu ban đầu").fill("MatKhau-Du-Dai-2026!");
      await page.getByRole("button", { name: "Tạo tài khoản" }).click();
      // a unit account without a unit: the server names orgId, the page the "Đơn vị" field
      await poll(() => focusedId(page)).toBe("error-summary");
      expect(await page.getByTestId("error-summary").textContent()).toMatch(
        /^Chưa gửi được: một mục cần sửaĐơn vị: /,
      );
      expect(await page.locator("#u-org").getAttribute("aria-invalid")).toBe("true");
      expect((await page.locator("#u-org").getAttribute("aria-describedby"))?.split(" ")).toEqual([
        "u-org-status",
        "u-org-error",
      ]);
      await screenshot(page, "a11y-user-errors");

      await page.goto("/gop-y");
      await page.getByLabel("Tiêu đề").fill("Thử lỗi theo trường");
      await page.getByLabel("Nội dung").fill("Số điện thoại sai để thấy lỗi ngay bên cạnh.");
      await page.getByLabel("Họ và tên").fill("Người Thử");
      await page.getByLabel("Số điện thoại").fill("12");
      await page.getByLabel(/Nghị định 13\/2023/).check();
      await page.getByRole("button", { name: "Gửi góp ý" }).click();
      await poll(() => focusedId(page)).toBe("error-summary");
      expect(await page.getByTestId("error-summary").textContent()).toContain(
        "Số điện thoại: Số điện thoại không hợp lệ.",
      );
      expect(await page.locator("#fb-phone").getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, "a11y-feedback-errors");
      expect(unexpected(errors)).toEqual([]);
      await context.close();
    });

    it("keyboard only: a unit sends its monthly report, the monitoring department accepts it", async () => {
      const width = round === 0 ? 1366 : 390;
      const task = await unitTask(browser, 5 + round, `a11y-kb-${round}`);

      const unit = await keyboardSignIn(browser, `a11y-kb-${round}`, width, locale);
      await watchLiveRegions(unit.context);
      await unit.page.goto(`/nhiem-vu/${task.id}`);
      await unit.page.locator("h1.task-title").waitFor();
      await tabTo(unit.page, `a[href="/nhiem-vu/${task.id}/bao-cao"]`);
      await unit.page.keyboard.press("Enter");
      await poll(() => unit.page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Báo cáo tiến độ",
      );
      await tabTo(unit.page, "#r-summary");
      await unit.page.keyboard.type("Đã ban hành kế hoạch triển khai của đơn vị.");
      await tabTo(unit.page, "#r-links");
      await unit.page.keyboard.type("https://moit.gov.vn/ke-hoach");
      await tabTo(unit.page, 'form[aria-label="Báo cáo tiến độ"] button[type="submit"]');
      await unit.page.keyboard.press("Enter");
      // the task page: its heading has the keyboard, the live region says the report was sent
      await unit.page.waitForURL(/da-gui=1$/);
      await poll(() => unit.page.evaluate(() => document.activeElement?.className)).toBe(
        "task-title",
      );
      await unit.page
        .getByRole("status")
        .filter({ hasText: "Đã gửi báo cáo. Báo cáo đang chờ cơ quan theo dõi duyệt." })
        .waitFor();
      // its region was in the page before the message (one arriving filled is often skipped)
      expect(await filledOnArrival(unit.page)).not.toContainEqual(
        expect.stringContaining("Đã gửi báo cáo"),
      );
      await screenshot(unit.page, "a11y-keyboard-sent");
      await unit.context.close();

      const monitor = await keyboardSignIn(browser, "theodoi", width, locale);
      const { page } = monitor;
      await watchLiveRegions(monitor.context);
      await page.goto("/duyet");
      await page.getByTestId("review-current").waitFor();
      // the newest report is the last in the queue: j moves down to it
      const waiting = await page.locator(".queue-list > li:not(.queue-tick-all)").count();
      for (let i = 0; i < waiting; i++) await page.keyboard.press("j");
      const title = page.locator("#review-title");
      await poll(() => title.textContent()).toContain(task.name);
      // the evidence link opens a new window and says so in its name (7)
      const link = page.getByRole("link", {
        name: "https://moit.gov.vn/ke-hoach (mở trong cửa sổ mới)",
        exact: true,
      });
      expect(await link.getAttribute("target")).toBe("_blank");
      // single keys decide nothing (2.1.4): "a" while reading, nor anything typed in the comment
      await page.keyboard.press("a");
      expect(await page.getByRole("alertdialog").count()).toBe(0);
      await tabTo(page, "#review-comment");
      await page.keyboard.type("k j a r");
      await poll(() => title.textContent()).toContain(task.name);
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Delete");
      // Alt+Shift+A asks first; the confirmation's button has the keyboard; Enter accepts
      await page.keyboard.press("Alt+Shift+KeyA");
      await page.getByRole("alertdialog", { name: "Xác nhận quyết định" }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Xác nhận chấp nhận",
      );
      await page.keyboard.press("Enter");
      await page
        .getByRole("status")
        .filter({ hasText: /^Đã chấp nhận báo cáo số \d+/ })
        .waitFor();
      expect(await filledOnArrival(page)).not.toContainEqual(
        expect.stringContaining("Đã chấp nhận"),
      );
      // the decided report's buttons are gone: the keyboard is on the next report or the page
      await poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(
        /^review-(title|h1)$/,
      );
      await screenshot(page, "a11y-keyboard-accepted");
      const reports = await getJson<{ reports: { status: string }[] }>(
        page,
        `/api/tasks/${task.id}`,
      );
      expect(reports.reports.map((r) => r.status)).toContain("accepted");
      await monitor.context.close();
    });

    it("the dashboard reflows at 320 px: no horizontal scrolling, the unit chart inside its card", async () => {
      const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 320, locale);
      await plan596(page);
      await page.goto(`/?asOf=${AS_OF}`);
      await page
        .locator('[aria-labelledby="units-title"] svg, [aria-labelledby="units-title"] figure')
        .first()
        .waitFor();
      const sizes = await page.evaluate(() => {
        const root = document.scrollingElement!;
        const card = document.querySelector('[aria-labelledby="units-title"]')!;
        return {
          scroll: root.scrollWidth,
          client: root.clientWidth,
          cardScroll: card.scrollWidth,
          cardClient: card.clientWidth,
        };
      });
      await screenshot(page, "a11y-dashboard");
      await page
        .locator('[aria-labelledby="units-title"]')
        .screenshot({ path: path.join(screenshotsDir, `a11y-units-card-320-${locale}.png`) });
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
      expect(sizes.cardScroll).toBeLessThanOrEqual(sizes.cardClient);
      expect(errors).toEqual([]);
      await context.close();
    });

    it("the administration tabs answer the arrow keys, Home and End (tab pattern)", async () => {
      const { page, errors, context } = await signIn(browser, baseUrl, "quantri", 1366, locale);
      await page.goto("/quan-tri");
      const selected = () =>
        page.getByRole("tab", { selected: true }).textContent() as Promise<string>;
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
      await page.getByRole("tab", { name: "Đơn vị và tên gọi khác" }).focus();
      await page.keyboard.press("ArrowRight");
      expect(await selected()).toBe("Người dùng và vai trò");
      expect(await focused()).toBe("Người dùng và vai trò");
      await page.keyboard.press("End");
      expect(await selected()).toBe("Lĩnh vực góp ý");
      await page.keyboard.press("ArrowRight");
      expect(await selected()).toBe("Đơn vị và tên gọi khác");
      await page.keyboard.press("ArrowLeft");
      expect(await focused()).toBe("Lĩnh vực góp ý");
      await page.keyboard.press("Home");
      expect(await selected()).toBe("Đơn vị và tên gọi khác");
      // only the selected tab is in the Tab order: Tab leaves the list for the panel
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("admin-panel");
      expect(errors).toEqual([]);
      await context.close();
    });

    it("the charts are told apart without colour (named, shapes and dashes, labels, a data table), the indicator's history too; “Xem” says the new figures", async () => {
      const { page, errors, context } = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
      const plan = await plan596(page);
      await page.goto(`/?plan=${plan.id}&asOf=${AS_OF}`);
      const trend = page.getByRole("figure", {
        name: "Số nhiệm vụ quá hạn và đã hoàn thành cuối mỗi tháng",
      });
      await trend.locator("polyline").first().waitFor();
      // one series solid with round markers, the other dashed with square ones
      expect(
        await trend
          .locator("svg.chart:not(.legend-key) polyline")
          .evaluateAll((ls) => ls.map((l) => l.getAttribute("stroke-dasharray"))),
      ).toEqual([null, "8 5"]);
      expect(await trend.locator("svg.chart:not(.legend-key) circle").count()).toBe(6);
      expect(await trend.locator("svg.chart:not(.legend-key) rect").count()).toBe(6);
      expect(await trend.locator("text.end-label").allTextContents()).toEqual(
        expect.arrayContaining(["Quá hạn", "Đã hoàn thành"]),
      );
      await trend.getByText("Bảng số liệu").click();
      expect(await trend.locator("table tbody tr").count()).toBe(6);
      const units = page.getByRole("figure", { name: "Số nhiệm vụ theo đơn vị chủ trì" });
      // the stacked bars' segments are parted by a white gap (their colours are close)
      const segments = units.locator("svg.bar rect");
      expect(await segments.count()).toBeGreaterThan(await units.locator("svg.bar").count());
      expect(
        await segments.evaluateAll((rs) =>
          rs.every(
            (r) => r.getAttribute("stroke") === "#ffffff" && r.getAttribute("stroke-width") === "2",
          ),
        ),
      ).toBe(true);
      await units.getByText("Bảng số liệu").click();
      expect(await units.locator("table tbody tr").count()).toBeGreaterThan(0);
      expect(await unnamedFigures(page)).toBe(0);

      // "Xem" draws the filters anew: the new figures are said and their heading has the keyboard
      const said = page.getByTestId("announcer");
      await page.getByLabel("Tính đến ngày").fill("01/05/2026");
      await page.getByRole("button", { name: "Xem" }).click();
      await poll(() => said.textContent()).toMatch(
        /^Đã cập nhật số liệu ngày 01\/05\/2026: tổng số \d+ nhiệm vụ; .*quá hạn: \d+/,
      );
      expect(await focusedId(page)).toBe("counts-title");
      const total = await page
        .getByTestId("status-counts")
        .locator(".stat.total .value")
        .textContent();
      expect(await said.textContent()).toContain(`tổng số ${total} nhiệm vụ`);

      // an indicator's history: named, targets dashed and values with round points in the
      // legend as in the chart, its figures in a table under it
      const indicators = await getJson<{ items: { id: number; number: string }[] }>(
        page,
        `/api/indicators?plan=${plan.id}&asOf=${AS_OF}`,
      );
      const indicator = indicators.items.find((i) => i.number === "4")!;
      await page.goto(`/chi-tieu/${indicator.id}?asOf=${AS_OF}`);
      const history = page.getByRole("figure", { name: "Diễn biến giá trị so với chỉ tiêu" });
      await history.locator("svg.indicator-chart").waitFor();
      const legend = history.locator(".legend");
      expect(
        await legend
          .locator("line.ind-target")
          .evaluate((l) => getComputedStyle(l).strokeDasharray),
      ).toBe("6px, 4px");
      expect(
        await legend.locator("line.ind-value").evaluate((l) => getComputedStyle(l).strokeDasharray),
      ).toBe("none");
      expect(await legend.locator("circle.ind-point").count()).toBe(1);
      await history.getByText("Bảng số liệu").click();
      const table = history.locator("table");
      expect(await table.isVisible()).toBe(true);
      expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
      expect(await unnamedFigures(page)).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
