import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn, statusCount } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser } from "./support/cli.js";
import { importThroughPage } from "./support/flows.js";
import { solidPng } from "./support/png.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const AS_OF = "2026-06-01";

/** Overdue tasks of plan 596 as of 01/06/2026 before any report is accepted. */
const OVERDUE_AT_START = 17;
let planId = "";

/**
 * The whole monitoring loop in a real browser, once with a Vietnamese browser and once with an
 * English one: the monitoring department imports plan 596, the leader sees 17 overdue tasks as of
 * 01/06/2026, the lead unit reports one of them done with an evidence file, the monitoring
 * department accepts it, and the leader sees one fewer; the second round does the same with the
 * next overdue task.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "vòng theo dõi: nhập → tổng quan → báo cáo → duyệt → tổng quan ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    let monitor: UserPage;
    let leader: UserPage;
    let taskId = "";
    let leadUnit = "";
    const overdueBefore = OVERDUE_AT_START - round;

    beforeAll(async () => {
      browser = await launchBrowser();
      monitor = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      leader = await signIn(browser, baseUrl, "lanhdao", 1366, locale);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it.runIf(round === 0)(
      "the monitoring department imports plan 596 through the import page",
      async () => {
        planId = await importThroughPage(
          monitor.page,
          path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt"),
        );
        expect(planId).toMatch(/^\d+$/);
        expect(monitor.errors).toEqual([]);
      },
    );

    it(`the leader's dashboard shows the overdue tasks labelled “Quá hạn” as of 01/06/2026`, async () => {
      const { page, errors } = leader;
      await page.goto(`/?plan=${planId}&asOf=${AS_OF}`);
      expect(await statusCount(page, "overdue")).toBe(overdueBefore);
      const rows = page.getByTestId("overdue-table").locator("tbody tr");
      await expect.poll(() => rows.count()).toBe(overdueBefore);
      const chips = await rows.locator(".chip").allTextContents();
      expect(chips.every((text) => text.startsWith("Quá hạn"))).toBe(true);
      await expect.poll(() => page.getByText("01/06/2026").count()).toBeGreaterThan(0);
      const first = rows.first();
      leadUnit =
        ((await first.locator("td").nth(2).textContent()) ?? "").split(";")[0]?.trim() ?? "";
      taskId =
        /\/nhiem-vu\/(\d+)/.exec((await first.getByRole("link").getAttribute("href")) ?? "")?.[1] ??
        "";
      expect(leadUnit).not.toBe("");
      expect(taskId).not.toBe("");
      expect(errors).toEqual([]);
    });

    it("a user of the lead unit submits a report with an evidence file", async () => {
      const username = round === 0 ? "donvi" : `donvi-${locale}`;
      await addUser(dataDir, username, "unit_staff", leadUnit);
      const unit = await signIn(browser, baseUrl, username, 1366, locale);
      const { page } = unit;
      await page.goto("/don-vi");
      await page.getByTestId("inbox-table").waitFor();
      await page.goto(`/nhiem-vu/${taskId}/bao-cao`);
      await page.getByLabel("Đã hoàn thành").check();
      // typed day first in both browser languages; eight digits or d/m/yyyy become dd/mm/yyyy
      const completedOn = page.getByLabel("Ngày hoàn thành");
      await completedOn.pressSequentially(round === 0 ? "29/5/2026" : "29052026");
      await completedOn.blur();
      expect(await completedOn.inputValue()).toBe("29/05/2026");
      await page
        .getByLabel("Kết quả thực hiện")
        .fill("Đã hoàn thành nhiệm vụ, văn bản đã ban hành.");
      const evidence = path.join(dataDir, `bien-ban-nghiem-thu-${round}.png`);
      writeFileSync(evidence, solidPng(320, 180, [11, 79, 138]));
      await page.locator("#evidence-files").setInputFiles(evidence);
      await page.getByText(`bien-ban-nghiem-thu-${round}.png`).waitFor();
      await page.getByRole("button", { name: "Gửi báo cáo" }).click();
      await page.waitForURL(new RegExp(`/nhiem-vu/${taskId}\\?`));
      await page.getByText("Chờ duyệt").first().waitFor();
      await expect
        .poll(() => page.getByRole("link", { name: /bien-ban-nghiem-thu-\d\.png/ }).count())
        .toBe(1);
      expect(unit.errors).toEqual([]);
      await unit.context.close();
    });

    it("the monitoring department accepts it from the review queue", async () => {
      const { page, errors } = monitor;
      await page.goto("/duyet");
      const current = page.getByTestId("review-current");
      await current.waitFor();
      await expect
        .poll(() => current.getByRole("link", { name: /bien-ban-nghiem-thu-\d\.png/ }).count())
        .toBe(1);
      await current.getByRole("img", { name: /bien-ban-nghiem-thu-\d\.png/ }).waitFor();
      // the period as people write it, never its key
      const text = await current.innerText();
      expect(text).toMatch(/Tháng \d{1,2}\/\d{4}/);
      expect(text).not.toMatch(/Kỳ \d{4}-/);
      // a single "a" (Telex typists press it constantly) decides nothing
      await page.keyboard.press("a");
      expect(await page.getByRole("alertdialog").count()).toBe(0);
      expect(await page.getByTestId("review-current").count()).toBe(1);
      // Alt+Shift+A asks for a visible confirmation; Escape cancels it
      await page.keyboard.press("Alt+Shift+KeyA");
      const confirm = page.getByRole("alertdialog", { name: "Xác nhận quyết định" });
      await confirm.waitFor();
      await page.keyboard.press("Escape");
      await confirm.waitFor({ state: "detached" });
      // the button accepts; the decision can be undone, and accepted again
      await current.getByRole("button", { name: "Chấp nhận" }).click();
      await page.getByText("Không còn báo cáo nào chờ duyệt.").waitFor();
      await page.getByRole("button", { name: "Hoàn tác" }).click();
      await current.waitFor();
      await page.keyboard.press("Alt+Shift+KeyA");
      await confirm.getByRole("button", { name: "Xác nhận chấp nhận" }).click();
      await page.getByText("Không còn báo cáo nào chờ duyệt.").waitFor();
      await page.getByRole("status").filter({ hasText: "Đã chấp nhận báo cáo số" }).waitFor();
      expect(errors).toEqual([]);
    });

    it("the dashboard then shows one fewer overdue task", async () => {
      const { page, errors } = leader;
      await page.goto(`/?plan=${planId}&asOf=${AS_OF}`);
      expect(await statusCount(page, "overdue")).toBe(overdueBefore - 1);
      await expect
        .poll(() => page.getByTestId("overdue-table").locator("tbody tr").count())
        .toBe(overdueBefore - 1);
      expect(
        (await statusCount(page, "done_late")) + (await statusCount(page, "done_on_time")),
      ).toBe(round + 1);
      await screenshot(page, "dashboard-after-review");
      expect(errors).toEqual([]);
    });
  },
);
