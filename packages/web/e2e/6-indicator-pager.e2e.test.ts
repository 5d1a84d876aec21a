import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { LOCALES } from "./support/locales.js";

const baseUrl = inject("baseUrl");
const INDICATORS = 130;

/** A plan whose only appendix lists INDICATORS indicators (more than the page's 100). */
function pagerPlan(): string {
  const header = "TT\tChỉ tiêu\tĐơn vị\tKết quả\tCơ quan chủ trì thực hiện\tĐơn vị phối hợp";
  const rows = Array.from(
    { length: INDICATORS },
    (_, i) =>
      `${i + 1}.\tTỷ lệ hồ sơ thủ tục hành chính nhóm ${i + 1} được xử lý trực tuyến\t%\t≥80\tCục Thương mại điện tử và Kinh tế số\tCác đơn vị thuộc Bộ`,
  );
  return [
    "BỘ CÔNG THƯƠNG",
    "Số: 912/KH-TNCT",
    "Hà Nội, ngày 05 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "Thử nghiệm phân trang danh sách chỉ tiêu năm 2026",
    "PHỤ LỤC I",
    "CHỈ TIÊU CỤ THỂ GIAO CÁC ĐƠN VỊ THỰC HIỆN NĂM 2026",
    header,
    ...rows,
  ].join("\n\n");
}

/** Imports the plan through the API (preview, then store) as the signed-in monitor: its id. */
async function importThroughApi(page: Page, text: string): Promise<number> {
  return page.evaluate(async (body) => {
    const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
    const headers = { "x-csrf-token": me.csrfToken };
    const form = new FormData();
    form.append("file", new File([body], "ke-hoach-912.txt", { type: "text/plain" }));
    const preview = await fetch("/api/imports/preview", { method: "POST", headers, body: form });
    const { uploadId } = (await preview.json()) as { uploadId: string };
    const stored = await fetch("/api/imports", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ uploadId }),
    });
    if (stored.status !== 201) throw new Error(`POST /api/imports: ${stored.status}`);
    return ((await stored.json()) as { planId: number }).planId;
  }, text);
}

const rowNumbers = (page: Page) =>
  page.locator(".indicator-table tbody tr td:first-child").allTextContents();

/** `/chi-tieu` a hundred at a time: the pager reaches the 2nd page and back. */
describe("chỉ tiêu: phân trang", () => {
  let browser: Browser;
  let planId = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    const monitor = await signIn(browser, baseUrl, "theodoi");
    planId = await importThroughApi(monitor.page, pagerPlan());
    await monitor.context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LOCALES)(
    "130 indicators: page 1 shows 1–100, page 2 shows 101–130 (%s)",
    async (locale) => {
      const { page, errors, context } = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/chi-tieu?plan=${planId}`);
        await page.getByText(`${INDICATORS} chỉ tiêu · trang 1/2`).waitFor();
        const first = await rowNumbers(page);
        expect(first).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 1)));
        await expect(page.getByRole("button", { name: "Trang trước" }).isDisabled()).resolves.toBe(
          true,
        );

        await page.getByRole("button", { name: "Trang sau" }).click();
        await page.getByText(`${INDICATORS} chỉ tiêu · trang 2/2`).waitFor();
        expect(new URL(page.url()).searchParams.get("trang")).toBe("2");
        // the counter follows the address at once; the rows follow when the page's data arrives
        await expect
          .poll(() => rowNumbers(page))
          .toEqual(Array.from({ length: INDICATORS - 100 }, (_, i) => String(i + 101)));
        await expect(page.getByRole("button", { name: "Trang sau" }).isDisabled()).resolves.toBe(
          true,
        );
        expect(
          await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
        ).toBeLessThanOrEqual(0);
        await screenshot(page, "chi-tieu-trang-2");

        await page.getByRole("button", { name: "Trang trước" }).click();
        await page.getByText(`${INDICATORS} chỉ tiêu · trang 1/2`).waitFor();
        await expect.poll(async () => (await rowNumbers(page))[0]).toBe("1");
      }
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
