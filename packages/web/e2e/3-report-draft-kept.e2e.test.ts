import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshotAndPhone, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser, giamsat, PASSWORD } from "./support/cli.js";
import { plan596Tasks } from "./support/flows.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type TaskItem = { id: number; kind: string; lead: { name: string; orgId: number | null }[] };

/**
 * In a Vietnamese and an English browser, on a recurring task with no report yet: the form copies
 * the last period's report; what is typed after the session expired is kept in this browser and
 * comes back once the user signs in again; leaving with text the server has not saved asks first.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "báo cáo: chép kỳ trước, giữ nội dung khi hết phiên ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    let unit: UserPage;
    let taskId: number;
    const username = `donvi-giunhap-${round}`;

    beforeAll(async () => {
      await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
      browser = await launchBrowser();
      const monitor = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      // a recurring task of plan 596 led by a resolved unit, nobody has reported on yet
      const tasks = await plan596Tasks<TaskItem>(monitor.page, "&kind=recurring");
      const candidates = tasks.filter((t) => t.lead[0]?.orgId).reverse();
      let chosen: TaskItem | undefined;
      for (const t of candidates.slice(round * 5)) {
        const reports = await monitor.page.evaluate(async (id) => {
          const detail = await (await fetch(`/api/tasks/${id}`)).json();
          return (detail as { reports: unknown[] }).reports.length;
        }, t.id);
        if (reports === 0) {
          chosen = t;
          break;
        }
      }
      expect(chosen).toBeDefined();
      taskId = chosen!.id;
      await monitor.context.close();
      await addUser(dataDir, username, "unit_staff", chosen!.lead[0]!.name);
      unit = await signIn(browser, baseUrl, username, 1366, locale);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("copies the last period's report into this period's form", async () => {
      const { page } = unit;
      await page.goto(`/nhiem-vu/${taskId}/bao-cao`);
      const period = page.getByLabel("Kỳ báo cáo");
      await period.waitFor();
      const [current, previous] = await period
        .locator("option")
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      expect(await period.inputValue()).toBe(current);
      // last period's report, sent from another tab
      const status = await page.evaluate(
        async ([id, key]) => {
          const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
          const res = await fetch(`/api/tasks/${id}/reports`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
            body: JSON.stringify({
              period: key,
              state: "in_progress",
              progress: 40,
              summary: "Đã rà soát 12 thủ tục, cắt giảm 3.",
              difficulties: "Thiếu số liệu của các Sở",
            }),
          });
          return res.status;
        },
        [taskId, previous!] as const,
      );
      expect(status).toBe(201);
      await page.reload();
      await page.getByRole("button", { name: /^Chép báo cáo (Tháng|Quý) / }).click();
      expect(await page.getByLabel("Kết quả thực hiện").inputValue()).toBe(
        "Đã rà soát 12 thủ tục, cắt giảm 3.",
      );
      expect(await page.getByLabel("Khó khăn, vướng mắc").inputValue()).toBe(
        "Thiếu số liệu của các Sở",
      );
      expect(await page.getByLabel("Tiến độ (%)").inputValue()).toBe("40");
      // copied into this period's form, not a correction of last period's report
      expect(await period.inputValue()).toBe(current);
      expect(await page.getByTestId("report-target").count()).toBe(0);
      await page.getByText(/Đã lưu nháp lúc/).waitFor();
      expect(unit.errors).toEqual([]);
    });

    it("keeps what was typed after the session expired, and brings it back after signing in", async () => {
      const { page, context } = unit;
      const summary = page.getByLabel("Kết quả thực hiện");
      // the session ends (expired, or signed out in another tab) while the form is open
      await context.clearCookies();
      await summary.fill("Đã rà soát 15 thủ tục, cắt giảm 4; gõ sau khi hết phiên.");
      await page.getByText("Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.").waitFor();
      await screenshotAndPhone(page, "report-draft-expired");
      await page.getByLabel("Tên đăng nhập").fill(username);
      await page.getByLabel("Mật khẩu").fill(PASSWORD);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.getByText(/Đã mở lại bản nháp lưu lúc/).waitFor();
      expect(await summary.inputValue()).toBe(
        "Đã rà soát 15 thủ tục, cắt giảm 4; gõ sau khi hết phiên.",
      );
      expect(unit.errors).toEqual([]);
    });

    it("asks before leaving the page with text the server has not saved", async () => {
      const { page, context } = unit;
      await context.setOffline(true);
      const summary = page.getByLabel("Kết quả thực hiện");
      await summary.click();
      await summary.fill("Nội dung chưa lưu được lên máy chủ.");
      await page.getByText(/Chưa lưu được bản nháp lên máy chủ/).waitFor();
      await screenshotAndPhone(page, "report-draft-unsaved");
      const asked = page.waitForEvent("dialog");
      await page.close({ runBeforeUnload: true });
      const dialog = await asked;
      expect(dialog.type()).toBe("beforeunload");
      // staying: the page and the text are still there
      await dialog.dismiss();
      expect(await summary.inputValue()).toBe("Nội dung chưa lưu được lên máy chủ.");
      await context.setOffline(false);
    });
  },
);
